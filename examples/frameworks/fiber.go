package frameworks

import (
	"github.com/errcat/errcat/fibererr"
	"github.com/errcat/errcat/httperr"
	"github.com/gofiber/fiber/v2"
)

// newFiber returns the API on fiber, its errors answered by fibererr.
func newFiber(h *httperr.Handler) *fiber.App {
	app := fiber.New(fibererr.Config(h, fiber.Config{DisableStartupMessage: true}))
	app.Use(fibererr.Recover())
	app.Get("/pets/:id", func(c *fiber.Ctx) error {
		if err := petNotFound(c.Params("id")); err != nil {
			return err
		}
		return c.Status(fiber.StatusOK).JSON(Pet{Name: "Rex"})
	})
	app.Post("/pets", func(c *fiber.Ctx) error {
		var p Pet
		if err := c.BodyParser(&p); err != nil {
			return err
		}
		return c.Status(fiber.StatusCreated).JSON(p)
	})
	app.Options("/pets", func(c *fiber.Ctx) error { return c.SendStatus(fiber.StatusNoContent) })
	app.Get("/panic", func(*fiber.Ctx) error { panic("nil map") })
	app.Get("/secret", func(*fiber.Ctx) error { return secretError() })
	app.Get("/plain", func(*fiber.Ctx) error { return plainError() })
	return app
}
