package errcat_test

import (
	"fmt"

	"github.com/errcat/errcat"
)

func ExampleEncodeSetSpec() {
	data, err := errcat.EncodeSetSpec(errcat.SetSpec{
		Name: "petstore", Title: "Petstore API errors", Locales: []string{"vi"},
		Errors: []errcat.Spec{
			{
				Code: "P001", Name: "PetNotFound", Status: 404, Texts: errcat.Texts{Message: "Pet {id} was not found."},
				Params:       []errcat.Param{{Name: "id", Kind: errcat.KindInt}},
				Translations: map[string]errcat.Texts{"vi": {Message: "Không tìm thấy thú cưng {id}."}},
			},
			{Code: "P002", Name: "OutOfStock", Texts: errcat.Texts{Message: "Out of stock."}},
		},
	})
	if err != nil {
		panic(err)
	}
	fmt.Print(string(data))
	set := errcat.MustDecodeSet(string(data), nil)
	fmt.Println(set.Lookup("P001").New(errcat.Int(7)).Message("vi"))
	// Output:
	// errcat-set 1
	// catalog petstore
	// title Petstore API errors
	// locale vi
	// codes 2
	// 135 PetNotFound P001
	// 48 OutOfStock P002
	// code P001
	// name PetNotFound
	// status 404
	// message Pet {id} was not found.
	// param id
	// type int
	// message@vi Không tìm thấy thú cưng {id}.
	// code P002
	// name OutOfStock
	// message Out of stock.
	// Không tìm thấy thú cưng 7.
}
