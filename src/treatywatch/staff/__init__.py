"""The staff workspace: roles, the audit log, source checks and login throttling for the admin."""
