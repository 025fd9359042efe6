"""One ninja router per concept; `treatywatch.api.urls` mounts them under /api/."""
