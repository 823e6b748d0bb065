"""Writers from quiz banks to other tools' formats, one module per format; ``targets`` names them."""
