/// The HTTP API described in OpenAPI 3.1, served at `/api/openapi.yaml`.
enum OpenAPIDocument {
    static let yaml = """
        openapi: 3.1.0
        info:
          title: RoutineCard
          version: "1"
          description: >
            Render stretch routines and therapy instructions as printable cards (PDF, PNG, SVG), and
            check them. Errors are application/problem+json (RFC 9457).
        paths:
          /api/render:
            post:
              summary: Render a card
              description: A routine as JSON with options, or a routine file as YAML with options in the query.
              parameters:
                - { name: format, in: query, schema: { type: string, enum: [pdf, png, svg] }, description: With a YAML body. }
                - { name: page, in: query, schema: { type: integer, minimum: 1 }, description: With a YAML body. }
                - { name: template, in: query, schema: { type: string } }
                - { name: theme, in: query, schema: { type: string } }
              requestBody:
                required: true
                content:
                  application/json: { schema: { $ref: "#/components/schemas/RenderRequest" } }
                  application/yaml: { schema: { type: string, description: A routine file. } }
              responses:
                "200":
                  description: >
                    The file (Content-Disposition names it). X-Page-Count: the PNG or SVG pages there are
                    (one per request, chosen with `page`); X-Card-Count: the cards.
                  content:
                    application/pdf: { schema: { type: string, format: binary } }
                    image/png: { schema: { type: string, format: binary } }
                    image/svg+xml: { schema: { type: string } }
                "400": { $ref: "#/components/responses/Problem" }
                "413": { $ref: "#/components/responses/Problem" }
                "415": { $ref: "#/components/responses/Problem" }
                "422": { $ref: "#/components/responses/Problem" }
                "503": { $ref: "#/components/responses/Busy" }
          /api/validate:
            post:
              summary: Check a routine against the format
              requestBody: { $ref: "#/components/requestBodies/Routine" }
              responses:
                "200":
                  description: Whether it is valid, and each problem with its line and column.
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          valid: { type: boolean }
                          diagnostics: { type: array, items: { $ref: "#/components/schemas/Diagnostic" } }
                "400": { $ref: "#/components/responses/Problem" }
                "413": { $ref: "#/components/responses/Problem" }
                "415": { $ref: "#/components/responses/Problem" }
          /api/check:
            post:
              summary: Preflight a card for print (text too small, continued cards, contrast…)
              requestBody: { $ref: "#/components/requestBodies/Routine" }
              responses:
                "200":
                  description: The findings.
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          findings:
                            type: array
                            items:
                              type: object
                              properties: { severity: { type: string }, code: { type: string }, message: { type: string } }
                "422": { $ref: "#/components/responses/Problem" }
                "503": { $ref: "#/components/responses/Busy" }
          /api/routines:
            get:
              summary: The built-in routines
              responses:
                "200":
                  description: Id, title and languages of each.
                  content:
                    application/json:
                      schema:
                        type: array
                        items:
                          type: object
                          properties: { id: { type: string }, title: { type: string }, languages: { type: array, items: { type: string } } }
          /api/routines/{id}:
            get:
              summary: A built-in routine's file, to start from
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
                - { name: language, in: query, schema: { type: string } }
              responses:
                "200": { description: The routine file., content: { application/yaml: { schema: { type: string } } } }
                "404": { $ref: "#/components/responses/Problem" }
          /api/schema:
            get:
              summary: The routine format's JSON Schema
              responses:
                "200": { description: JSON Schema 2020-12., content: { application/schema+json: { schema: { type: object } } } }
          /healthz:
            get:
              summary: Liveness and readiness
              responses:
                "200": { description: Serving., content: { application/json: { schema: { type: object } } } }
        components:
          requestBodies:
            Routine:
              required: true
              content:
                application/json: { schema: { $ref: "#/components/schemas/RenderRequest" } }
                application/yaml: { schema: { type: string } }
          schemas:
            RenderRequest:
              type: object
              properties:
                routine:
                  description: A routine file's text (YAML or JSON), or a routine object (see /api/schema).
                  oneOf: [{ type: string }, { type: object }]
                builtin: { type: string, description: A built-in routine's id, instead of routine. }
                format: { type: string, enum: [pdf, png, svg], default: pdf }
                page: { type: integer, minimum: 1, default: 1 }
                options:
                  type: object
                  properties:
                    template: { type: string, enum: [fridge, sheet, wallet] }
                    theme: { type: string, enum: [color, high-contrast, ink-saver] }
                    paper: { type: string, description: "a6, a4, letter, … or WxH with a unit" }
                    landscape: { type: boolean }
                    language: { type: string }
                    for: { type: string }
                    by: { type: string }
                    date: { type: string }
                    note: { type: string }
                    tracker: { type: boolean }
                    dpi: { type: number, minimum: 10, maximum: 2400 }
                    contact: { type: array, maxItems: 2, items: { type: string }, description: "The clinic's contact, one or two lines" }
                    qr: { type: boolean, description: "QR codes to the videos of the routine and its exercises" }
                    diary: { type: boolean, description: "A week's symptom diary" }
                    review: { type: string, format: date, description: "The next review date, YYYY-MM-DD" }
            Diagnostic:
              type: object
              properties: { line: { type: integer }, column: { type: integer }, message: { type: string } }
            Problem:
              type: object
              properties:
                type: { type: string }
                title: { type: string }
                status: { type: integer }
                detail: { type: string }
                diagnostics: { type: array, items: { $ref: "#/components/schemas/Diagnostic" } }
          responses:
            Problem:
              description: What went wrong.
              content: { application/problem+json: { schema: { $ref: "#/components/schemas/Problem" } } }
            Busy:
              description: Every render place is taken, or the render took too long; retry after Retry-After seconds.
              headers: { Retry-After: { schema: { type: integer } } }
              content: { application/problem+json: { schema: { $ref: "#/components/schemas/Problem" } } }

        """
}
