"""The outreach log: contacts with States to bring them to sign, ratify or use the Convention."""
