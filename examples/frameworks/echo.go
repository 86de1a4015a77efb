package frameworks

import (
	"net/http"

	"github.com/errcat/errcat/httperr"
	"github.com/labstack/echo/v4"
)

// echoServer returns an echo instance whose errors h answers: errors handlers
// return (c.Bind's included), unknown routes (echo's ErrNotFound with no route
// matched) and wrong methods (with the Allow header echo sets, which always names
// OPTIONS: echo answers it on every route). Serve it inside h.Wrap, which answers panics and oversized
// bodies; leave out echo's middleware.Recover.
func echoServer(h *httperr.Handler) *echo.Echo {
	e := echo.New()
	e.HideBanner = true
	e.HTTPErrorHandler = func(err error, c echo.Context) {
		if c.Response().Committed {
			return
		}
		req := c.Request()
		switch {
		case err == echo.ErrNotFound && c.Path() == "": // no route matched
			err = h.NotFoundError(req.Method, req.URL.Path)
		case err == echo.ErrMethodNotAllowed:
			err = h.MethodNotAllowedError(req.Method, c.Response().Header().Get("Allow"))
		}
		h.Write(c.Response(), req, err)
	}
	return e
}

// newEcho returns the API on echo.
func newEcho(h *httperr.Handler) http.Handler {
	e := echoServer(h)
	e.GET("/pets/:id", func(c echo.Context) error {
		if err := petNotFound(c.Param("id")); err != nil {
			return err
		}
		return c.JSON(http.StatusOK, Pet{Name: "Rex"})
	})
	e.POST("/pets", func(c echo.Context) error {
		var p Pet
		if err := c.Bind(&p); err != nil {
			return err
		}
		return c.JSON(http.StatusCreated, p)
	})
	e.OPTIONS("/pets", func(c echo.Context) error { return c.NoContent(http.StatusNoContent) })
	e.GET("/panic", func(echo.Context) error { panic("nil map") })
	e.GET("/secret", func(echo.Context) error { return secretError() })
	e.GET("/plain", func(echo.Context) error { return plainError() })
	return h.Wrap(e)
}
