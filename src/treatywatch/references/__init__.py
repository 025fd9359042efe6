"""References to the Convention in adopted documents and the public domain: indicators 4 and 5."""
