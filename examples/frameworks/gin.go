package frameworks

import (
	"net/http"

	"github.com/errcat/errcat/ginerr"
	"github.com/errcat/errcat/httperr"
	"github.com/gin-gonic/gin"
)

// newGin returns the API on gin, set up by ginerr.Register and served inside
// h.Wrap.
func newGin(h *httperr.Handler) http.Handler {
	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	ginerr.Register(r, h)
	r.GET("/pets/:id", func(c *gin.Context) {
		if err := petNotFound(c.Param("id")); err != nil {
			c.Error(err)
			return
		}
		c.JSON(http.StatusOK, Pet{Name: "Rex"})
	})
	r.POST("/pets", func(c *gin.Context) {
		var p Pet
		if err := c.ShouldBindJSON(&p); err != nil {
			c.Error(err)
			return
		}
		c.JSON(http.StatusCreated, p)
	})
	r.OPTIONS("/pets", func(c *gin.Context) { c.Status(http.StatusNoContent) })
	r.GET("/panic", func(*gin.Context) { panic("nil map") })
	r.GET("/secret", func(c *gin.Context) { c.Error(secretError()) })
	r.GET("/plain", func(c *gin.Context) { c.Error(plainError()) })
	return h.Wrap(r)
}
