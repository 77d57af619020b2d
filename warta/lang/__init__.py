"""Language data (``lang/id``) and the functions that load it."""
