"""Services: the only way anything changes data. One module per feature area."""
