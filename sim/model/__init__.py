"""The model: a scenario resolved against its panel, the one growth assembly, and shocks."""
