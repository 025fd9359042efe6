"""Events in international, regional and national fora: indicator 3 and the action plan."""
