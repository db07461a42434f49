"""Where a person's skills lead: occupation fit, gaps, and what to learn next."""
