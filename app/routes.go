package main

import "unknot/components"

// registerRoutes tells go-app which screen each address mounts, from the
// one route table in package components.
func registerRoutes() { components.RegisterRoutes() }
