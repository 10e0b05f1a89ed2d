"""The Textual app. Imported only when a person opens it."""
