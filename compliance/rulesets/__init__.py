"""The built-in rule sets: one YAML file each, found by name (`--ruleset us-ftc`)."""
