package openapi

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/catalog/catalogtest"
)

// tool returns the path in the environment variable name, or skips (fails under
// CI=true) when it is not set: scripts/test.sh installs the tools.
func tool(t *testing.T, name string) string {
	t.Helper()
	p := os.Getenv(name)
	if p == "" {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s not set: scripts/test.sh installs it", name)
		}
		t.Skipf("%s not set", name)
	}
	return p
}

// clientTS is a client of the petstore reading the params of its errors with their
// types, from the types openapi-typescript generates from errcat's document.
const clientTS = `import type { components } from "./petstore";
import type { components as common } from "./common";

type NotFound = components["schemas"]["ErrorPET-404"];
const e: NotFound = { type: "t", title: "Pet 99 not found", status: 404, code: "PET-404", params: { id: 99 } };
export const id: number | undefined = e.params?.id;
// @ts-expect-error: the id is a number
export const badID: NotFound = { type: "t", title: "x", status: 404, code: "PET-404", params: { id: "99" } };
// @ts-expect-error: the code of PET-404 is "PET-404"
export const badCode: NotFound = { type: "t", title: "x", status: 404, code: 404 };

type Body404 = components["responses"]["Error404"]["content"]["application/json"];
export function petID(b: Body404): number | undefined {
  if (b.code === "PET-404") {
    return b.params?.id;
  }
  return undefined;
}
export const codes: Body404["code"][] = ["000029", "PET-404"];
// @ts-expect-error: PET-409 is not answered with 404
export const notA404: Body404["code"] = "PET-409";
export const wait: string | undefined = (null as unknown as components["schemas"]["ErrorPET-503"]).params?.wait;

// Codes with leading zeros stay strings through the YAML document.
export const c18: common["schemas"]["Error000018"]["code"] = "000018";
// @ts-expect-error: not a number
export const c18n: common["schemas"]["Error000018"]["code"] = 18;
export const locate: common["schemas"]["Error000012"]["params"] = { kind: "project", id: "42" };
`

// TestTypeScriptClient generates TypeScript with openapi-typescript from errcat's
// documents (JSON, and YAML for the common catalog) and type-checks a client that
// reads params with their types, with tsc --strict.
func TestTypeScriptClient(t *testing.T) {
	ots := tool(t, "ERRCAT_OPENAPI_TS")
	tsc := tool(t, "ERRCAT_TSC")
	dir := t.TempDir()
	petstore, err := Generate([]*catalog.Catalog{catalogtest.Load(t, "../../examples/petstore/errors")}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	common, err := Generate([]*catalog.Catalog{catalogtest.Load(t, "../../common/source")}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	commonYAML, err := YAML(common)
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"petstore.json": petstore, "common.yaml": commonYAML, "client.ts": []byte(clientTS)} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, doc := range []string{"petstore.json", "common.yaml"} {
		out := filepath.Join(dir, doc[:len(doc)-len(filepath.Ext(doc))]+".ts")
		if b, err := exec.Command(ots, filepath.Join(dir, doc), "-o", out).CombinedOutput(); err != nil {
			t.Fatalf("openapi-typescript %s: %v\n%s", doc, err, b)
		}
	}
	cmd := exec.Command(tsc, "--strict", "--noEmit", "--target", "es2020", "--module", "es2020", "--moduleResolution", "bundler", "client.ts")
	cmd.Dir = dir
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("tsc --strict: %v\n%s", err, b)
	}
}
