"""The gap rules' engine and what the rules may import (context)."""
