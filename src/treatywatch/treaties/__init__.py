"""States, treaties and the actions and declarations that bind States to them."""
