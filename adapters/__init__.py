"""Platform adapters: each turns platform updates into core events and carries out core actions."""
