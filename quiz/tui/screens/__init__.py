"""One module per screen; modals (confirm, help, round setup) included."""
