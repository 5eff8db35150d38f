"""The built-in rule sets (YAML), shipped inside the package as compliance.rulesets."""
