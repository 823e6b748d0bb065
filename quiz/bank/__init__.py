"""The bank format: its model, loading, validation, schema and answer checking. No UI, no storage."""
