// The JSON Schema (draft 2020-12) of a ChatKit widget root and the widget limits.
// Generated from widgets/catalog.py by `manage.py widgets schema --js`; do not edit.
//
// limits: maxBytes is the UTF-8 length of the compact JSON text; maxDepth counts
// nested objects and arrays, except that a `children` array adds no level (so a
// Card holding a Text has depth 2); maxNodes counts the root and every value of a
// `children` array or object.
export const widgetSchema = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "urn:chatkit:widget-root",
  "title": "ChatKit widget",
  "description": "A widget root (Card, ListView or Basic) of the ChatKit component catalog. A widget is also limited to 262144 bytes of compact JSON, 32 levels of nesting and 2000 components.",
  "$defs": {
    "ActionConfig": {
      "additionalProperties": false,
      "description": "What happens when a control is used: an action sent to the server or the client.",
      "properties": {
        "type": {
          "description": "The action's name, such as `order.track`.",
          "maxLength": 200,
          "minLength": 1,
          "type": "string"
        },
        "payload": {
          "additionalProperties": true,
          "description": "Data sent with the action; form values merge into it by field name.",
          "type": "object"
        },
        "handler": {
          "default": "server",
          "description": "Who handles the action: the server (`threads.custom_action`) or the host page.",
          "enum": [
            "client",
            "server"
          ],
          "type": "string"
        },
        "loadingBehavior": {
          "default": "auto",
          "description": "Loading state while the action runs: on the control (`self`), the whole widget\n(`container`), none, or chosen by the control (`auto`).",
          "enum": [
            "auto",
            "none",
            "self",
            "container"
          ],
          "type": "string"
        },
        "streaming": {
          "default": true,
          "description": "`false` sends the action without starting a response (`threads.sync_custom_action`),\nso it also works while a response streams.",
          "type": "boolean"
        }
      },
      "required": [
        "type"
      ],
      "title": "ActionConfig",
      "type": "object"
    },
    "AreaSeries": {
      "additionalProperties": false,
      "description": "A filled area from a numeric field.",
      "properties": {
        "type": {
          "const": "area",
          "description": "Series kind.",
          "type": "string"
        },
        "label": {
          "description": "Legend label.",
          "type": "string"
        },
        "dataKey": {
          "description": "Field of each data row holding the value.",
          "type": "string"
        },
        "stack": {
          "description": "Stack group: series with the same stack id are stacked.",
          "type": "string"
        },
        "color": {
          "$ref": "#/$defs/Color",
          "description": "Series color (see `bar`)."
        },
        "curveType": {
          "description": "Interpolation between points.",
          "enum": [
            "basis",
            "basisClosed",
            "basisOpen",
            "bumpX",
            "bumpY",
            "bump",
            "linear",
            "linearClosed",
            "natural",
            "monotoneX",
            "monotoneY",
            "monotone",
            "step",
            "stepBefore",
            "stepAfter"
          ],
          "type": "string"
        }
      },
      "required": [
        "type",
        "dataKey"
      ],
      "title": "AreaSeries",
      "type": "object"
    },
    "AspectRatio": {
      "oneOf": [
        {
          "type": "number"
        },
        {
          "maxLength": 50,
          "pattern": "^(?:auto|(?:[0-9]+(?:\\.[0-9]+)?|\\.[0-9]+)(?: ?/ ?(?:[0-9]+(?:\\.[0-9]+)?|\\.[0-9]+))?)(?![\\s\\S])",
          "type": "string"
        }
      ]
    },
    "Background": {
      "oneOf": [
        {
          "maxLength": 500,
          "pattern": "^(?:(?![\\s\\S]*[eE][xX][pP][rR][eE][sS][sS][iI][oO][nN])(?:#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})|(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\\([0-9a-z.,%/ +-]*\\)|[a-zA-Z]+(?:-[a-zA-Z0-9]+)*|(?:repeating-)?(?:linear|radial|conic)-gradient\\((?:[0-9a-zA-Z.,%/ #+-]|(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\\([0-9a-z.,%/ +-]*\\))*\\)))(?![\\s\\S])",
          "type": "string"
        },
        {
          "$ref": "#/$defs/ThemeBackground"
        }
      ]
    },
    "Badge": {
      "additionalProperties": false,
      "description": "A small status or category label.",
      "properties": {
        "key": {
          "description": "Stable identity among siblings, for smooth updates.",
          "maxLength": 200,
          "minLength": 1,
          "type": "string"
        },
        "id": {
          "description": "Component id: the target of streamed text (`widget.streaming_text.value_delta`)\nand component updates.",
          "maxLength": 200,
          "minLength": 1,
          "type": "string"
        },
        "type": {
          "const": "Badge",
          "type": "string"
        },
        "label": {
          "description": "Badge text.",
          "type": "string"
        },
        "color": {
          "description": "Badge color.",
          "enum": [
            "secondary",
            "success",
            "danger",
            "warning",
            "info",
            "discovery"
          ],
          "type": "string"
        },
        "variant": {
          "description": "Visual style.",
          "enum": [
            "solid",
            "soft",
            "outline"
          ],
          "type": "string"
        },
        "size": {
          "description": "Badge size.",
          "enum": [
            "sm",
            "md",
            "lg"
          ],
          "type": "string"
        },
        "pill": {
          "description": "Fully rounded ends.",
          "type": "boolean"
        }
      },
      "required": [
        "type",
        "label"
      ],
      "title": "Badge",
      "type": "object"
    },
    "BarSeries": {
      "additionalProperties": false,
      "description": "Bars from a numeric field.",
      "properties": {
        "type": {
          "const": "bar",
          "description": "Series kind.",
          "type": "string"
        },
        "label": {
          "description": "Legend label.",
          "type": "string"
        },
        "dataKey": {
          "description": "Field of each data row holding the value.",
          "type": "string"
        },
        "stack": {
          "description": "Stack group: series with the same stack id are stacked.",
          "type": "string"
        },
        "color": {
          "$ref": "#/$defs/Color",
          "description": "Series color: `blue`, `purple`, `orange`, `green`, `red`, `yellow`, `pink`, a primitive\ntoken, a CSS color or {light, dark}; assigned in turn when left out."
        }
      },
      "required": [
        "type",
        "dataKey"
      ],
      "title": "BarSeries",
      "type": "object"
    },
    "Basic": {
      "additionalProperties": false,
      "description": "A bare layout root, e.g. for entity previews; may also hold other roots.",
      "properties": {
        "key": {
          "description": "Stable identity among siblings, for smooth updates.",
          "maxLength": 200,
          "minLength": 1,
          "type": "string"
        },
        "id": {
          "description": "Component id: the target of streamed text (`widget.streaming_text.value_delta`)\nand component updates.",
          "maxLength": 200,
          "minLength": 1,
          "type": "string"
        },
        "type": {
          "const": "Basic",
          "type": "string"
        },
        "children": {
          "description": "Components or roots inside.",
          "items": {
            "$ref": "#/$defs/ComponentOrRoot"
          },
          "type": "array"
        },
        "theme": {
          "description": "Force the light or dark scheme for this widget.",
          "enum": [
            "light",
            "dark"
          ],
          "type": "string"
        },
        "direction": {
          "description": "Lay children out in a row or a column.",
          "enum": [
            "row",
            "col"
          ],
          "type": "string"
        },
        "gap": {
          "$ref": "#/$defs/Length",
          "description": "Space between children."
        },
        "padding": {
          "$ref": "#/$defs/SpacingValue",
          "description": "Inner spacing."
        },
        "align": {
          "description": "Cross-axis alignment of the children.",
          "enum": [
            "start",
            "center",
            "end",
            "baseline",
            "stretch"
          ],
          "type": "string"
        },
        "justify": {
          "description": "Main-axis distribution of the children.",
          "enum": [
            "start",
            "center",
            "end",
            "between",
            "around",
            "evenly",
            "stretch"
          ],
          "type": "string"
        }
      },
      "required": [
        "type",
        "children"
      ],
      "title": "Basic",
      "type": "object"
    },
    "Border": {
      "additionalProperties": false,
      "description": "A border on one edge (or all edges).",
      "properties": {
        "size": {
          "description": "Thickness in px.",
          "minimum": 0,
          "type": "integer"
        },
        "color": {
          "$ref": "#/$defs/Color",
          "description": "Border color: `default`, `subtle`, `strong`, a primitive token, a CSS color or {light, dark}."
        },
        "style": {
          "description": "Line style.",
          "enum": [
            "solid",
            "dashed",
            "dotted",
            "double",
            "groove",
            "ridge",
            "inset",
            "outset"
          ],
          "type": "string"
        }
      },
      "required": [
        "size"
      ],
      "title": "Border",
      "type": "object"
    },
    "BorderSide": {
      "oneOf": [
        {
          "minimum": 0,
          "type": "integer"
        },
        {
          "$ref": "#/$defs/Border"
        }
      ]
    },
    "BorderValue": {
      "oneOf": [
        {
          "minimum": 0,
          "type": "integer"
        },
        {
          "$ref": "#/$defs/Border"
        },
        {
          "$ref": "#/$defs/Borders"
        }
      ]
    },
    "Borders": {
      "additionalProperties": false,
      "description": "Borders per edge.",
      "properties": {
        "top": {
          "$ref": "#/$defs/BorderSide",
          "description": "Top border or its thickness in px."
        },
        "right": {
          "$ref": "#/$defs/BorderSide",
          "description": "Right border or its thickness in px."
        },
        "bottom": {
          "$ref": "#/$defs/BorderSide",
          "description": "Bottom border or its thickness in px."
        },
        "left": {
          "$ref": "#/$defs/BorderSide",
          "description": "Left border or its thickness in px."
        },
        "x": {
          "$ref": "#/$defs/BorderSide",
          "description": "Left and right borders or their thickness in px."
        },
        "y": {
          "$ref": "#/$defs/BorderSide",
          "description": "Top and bottom borders or their thickness in px."
        }
      },
      "title": "Borders",
      "type": "object"
    },
    "Box": {
      "additionalProperties": false,
      "description": "A flex container with a direction.",
      "properties": {
        "height": {
          "$ref": "#/$defs/Length",
          "description": "Height: px or a CSS length."
        },
        "width": {
          "$ref": "#/$defs/Length",
          "description": "Width: px or a CSS length."
        },
        "size": {
          "$ref": "#/$defs/Length",
          "description": "Width and height at once."
        },
        "minHeight": {
          "$ref": "#/$defs/Length",
          "description": "Minimum height."
        },
        "minWidth": {
          "$ref": "#/$defs/Length",
          "description": "Minimum width."
        },
        "minSize": {
          "$ref": "#/$defs/Length",
          "description": "Minimum width and height."
        },
        "maxHeight": {
          "$ref": "#/$defs/Length",
          "description": "Maximum height."
        },
        "maxWidth": {
          "$ref": "#/$defs/Length",
          "description": "Maximum width."
        },
        "maxSize": {
          "$ref": "#/$defs/Length",
          "description": "Maximum width and height."
        },
        "aspectRatio": {
          "$ref": "#/$defs/AspectRatio",
          "description": "Aspect ratio, such as 1.5 or `16/9`."
        },
        "radius": {
          "description": "Corner radius.",
          "enum": [
            "2xs",
            "xs",
            "sm",
            "md",
            "lg",
            "xl",
            "2xl",
            "3xl",
            "4xl",
            "full",
            "100%",
            "none"
          ],
          "type": "string"
        },
        "margin": {
          "$ref": "#/$defs/SpacingValue",
          "description": "Outer spacing."
        },
        "children": {
          "description": "Components inside the container.",
          "items": {
            "$ref": "#/$defs/WidgetComponent"
          },
          "type": "array"
        },
        "align": {
          "description": "Cross-axis alignment of the children.",
          "enum": [
            "start",
            "center",
            "end",
            "baseline",
            "stretch"
          ],
          "type": "string"
        },
        "justify": {
          "description": "Main-axis distribution of the children.",
          "enum": [
            "start",
            "center",
            "end",
            "between",
            "around",
            "evenly",
            "stretch"
          ],
          "type": "string"
        },
        "wrap": {
          "description": "Whether children wrap onto more lines.",
          "enum": [
            "nowrap",
            "wrap",
            "wrap-reverse"
          ],
          "type": "string"
        },
        "flex": {
          "$ref": "#/$defs/Flex",
          "description": "Flex grow/shrink factor or CSS flex value."
        },
        "gap": {
          "$ref": "#/$defs/Length",
          "description": "Space between children: spacing units or a CSS length."
        },
        "padding": {
          "$ref": "#/$defs/SpacingValue",
          "description": "Inner spacing."
        },
        "border": {
          "$ref": "#/$defs/BorderValue",
          "description": "Border: px, a border object or per-edge borders."
        },
        "background": {
          "$ref": "#/$defs/Background",
          "description": "Background: `surface`, `surface-secondary`, `surface-tertiary`, `surface-elevated`,\n`surface-elevated-secondary`, a primitive token, a CSS color or gradient, or {light, dark}."
        },
        "key": {
          "description": "Stable identity among siblings, for smooth updates.",
          "maxLength": 200,
          "minLength": 1,
          "type": "string"
        },
        "id": {
          "description": "Component id: the target of streamed text (`widget.streaming_text.value_delta`)\nand component updates.",
          "maxLength": 200,
          "minLength": 1,
          "type": "string"
        },
        "type": {
          "const": "Box",
          "type": "string"
        },
        "direction": {
          "description": "Lay children out in a row or a column.",
          "enum": [
            "row",
            "col"
          ],
          "type": "string"
        }
      },
      "required": [
        "type"
      ],
      "title": "Box",
      "type": "object"
    },
    "Button": {
      "additionalProperties": false,
      "description": "A button, usually bound to an action.",
      "properties": {
        "key": {
          "description": "Stable identity among siblings, for smooth updates.",
          "maxLength": 200,
          "minLength": 1,
          "type": "string"
        },
        "id": {
          "description": "Component id: the target of streamed text (`widget.streaming_text.value_delta`)\nand component updates.",
          "maxLength": 200,
          "minLength": 1,
          "type": "string"
        },
        "type": {
          "const": "Button",
          "type": "string"
        },
        "submit": {
          "description": "Submit the nearest form.",
          "type": "boolean"
        },
        "label": {
          "description": "Button text.",
          "type": "string"
        },
        "onClickAction": {
          "$ref": "#/$defs/ActionConfig",
          "description": "Action sent on click."
        },
        "iconStart": {
          "anyOf": [
            {
              "enum": [
                "agent",
                "analytics",
                "atom",
                "batch",
                "bolt",
                "book-open",
                "book-closed",
                "book-clock",
                "bug",
                "calendar",
                "chart",
                "check",
                "check-circle",
                "check-circle-filled",
                "chevron-left",
                "chevron-right",
                "circle-question",
                "clock",
                "compass",
                "confetti",
                "cube",
                "desktop",
                "document",
                "dot",
                "dots-horizontal",
                "dots-vertical",
                "empty-circle",
                "external-link",
                "globe",
                "keys",
                "lab",
                "images",
                "info",
                "lifesaver",
                "lightbulb",
                "mail",
                "map-pin",
                "maps",
                "mobile",
                "name",
                "notebook",
                "notebook-pencil",
                "page-blank",
                "phone",
                "play",
                "plus",
                "profile",
                "profile-card",
                "reload",
                "star",
                "star-filled",
                "search",
                "sparkle",
                "sparkle-double",
                "square-code",
                "square-image",
                "square-text",
                "suitcase",
                "settings-slider",
                "user",
                "wreath",
                "write",
                "write-alt",
                "write-alt2"
              ]
            },
            {
              "maxLength": 100,
              "pattern": "^(?:lucide:[a-z0-9]+(?:-[a-z0-9]+)*|vendor:[A-Za-z0-9]+(?:[._-][A-Za-z0-9]+)*)(?![\\s\\S])",
              "type": "string"
            }
          ],
          "description": "Icon before the label (alone: an icon button)."
        },
        "iconEnd": {
          "anyOf": [
            {
              "enum": [
                "agent",
                "analytics",
                "atom",
                "batch",
                "bolt",
                "book-open",
                "book-closed",
                "book-clock",
                "bug",
                "calendar",
                "chart",
                "check",
                "check-circle",
                "check-circle-filled",
                "chevron-left",
                "chevron-right",
                "circle-question",
                "clock",
                "compass",
                "confetti",
                "cube",
                "desktop",
                "document",
                "dot",
                "dots-horizontal",
                "dots-vertical",
                "empty-circle",
                "external-link",
                "globe",
                "keys",
                "lab",
                "images",
                "info",
                "lifesaver",
                "lightbulb",
                "mail",
                "map-pin",
                "maps",
                "mobile",
                "name",
                "notebook",
                "notebook-pencil",
                "page-blank",
                "phone",
                "play",
                "plus",
                "profile",
                "profile-card",
                "reload",
                "star",
                "star-filled",
                "search",
                "sparkle",
                "sparkle-double",
                "square-code",
                "square-image",
                "square-text",
                "suitcase",
                "settings-slider",
                "user",
                "wreath",
                "write",
                "write-alt",
                "write-alt2"
              ]
            },
            {
              "maxLength": 100,
              "pattern": "^(?:lucide:[a-z0-9]+(?:-[a-z0-9]+)*|vendor:[A-Za-z0-9]+(?:[._-][A-Za-z0-9]+)*)(?![\\s\\S])",
              "type": "string"
            }
          ],
          "description": "Icon after the label."
        },
        "style": {
          "description": "Style preset.",
          "enum": [
            "primary",
            "secondary"
          ],
          "type": "string"
        },
        "iconSize": {
          "description": "Icon size.",
          "enum": [
            "sm",
            "md",
            "lg",
            "xl",
            "2xl"
          ],
          "type": "string"
        },
        "color": {
          "description": "Button color.",
          "enum": [
            "primary",
            "secondary",
            "info",
            "discovery",
            "success",
            "caution",
            "warning",
            "danger"
          ],
          "type": "string"
        },
        "variant": {
          "description": "Visual variant.",
          "enum": [
            "solid",
            "soft",
            "outline",
            "ghost"
          ],
          "type": "string"
        },
        "size": {
          "description": "Button size.",
          "enum": [
            "3xs",
            "2xs",
            "xs",
            "sm",
            "md",
            "lg",
            "xl",
            "2xl",
            "3xl"
          ],
          "type": "string"
        },
        "pill": {
          "description": "Fully rounded ends.",
          "type": "boolean"
        },
        "uniform": {
          "description": "Equal width and height.",
          "type": "boolean"
        },
        "block": {
          "description": "Full width.",
          "type": "boolean"
        },
        "disabled": {
          "description": "Cannot be pressed.",
          "type": "boolean"
        }
      },
      "required": [
        "type"
      ],
      "title": "Button",
      "type": "object"
    },
    "Caption": {
      "additionalProperties": false,
      "description": "Small supporting text.",
      "properties": {
        "value": {
          "description": "The text (never interpreted as HTML).",
          "type": "string"
        },
        "color": {
          "$ref": "#/$defs/Color",
          "description": "Text color: `prose`, `primary`, `emphasis`, `secondary`, `tertiary`, `success`,\n`warning`, `danger`, a primitive token, a CSS color or {light, dark}."
        },
        "weight": {
          "description": "Font weight.",
          "enum": [
            "normal",
            "medium",
            "semibold",
            "bold"
          ],
          "type": "string"
        },
        "textAlign": {
          "description": "Horizontal alignment.",
          "enum": [
            "start",
            "center",
            "end"
          ],
          "type": "string"
        },
        "truncate": {
          "description": "Cut overflowing text with an ellipsis.",
          "type": "boolean"
        },
        "maxLines": {
          "description": "Clamp to this many lines.",
          "minimum": 1,
          "type": "integer"
        },
        "key": {
          "description": "Stable identity among siblings, for smooth updates.",
          "maxLength": 200,
          "minLength": 1,
          "type": "string"
        },
        "id": {
          "description": "Component id: the target of streamed text (`widget.streaming_text.value_delta`)\nand component updates.",
          "maxLength": 200,
          "minLength": 1,
          "type": "string"
        },
        "type": {
          "const": "Caption",
          "type": "string"
        },
        "size": {
          "description": "Caption size.",
          "enum": [
            "sm",
            "md",
            "lg"
          ],
          "type": "string"
        }
      },
      "required": [
        "value",
        "type"
      ],
      "title": "Caption",
      "type": "object"
    },
    "Card": {
      "additionalProperties": false,
      "description": "A self-contained card: a summary, a confirmation or a form (a root).",
      "properties": {
        "key": {
          "description": "Stable identity among siblings, for smooth updates.",
          "maxLength": 200,
          "minLength": 1,
          "type": "string"
        },
        "id": {
          "description": "Component id: the target of streamed text (`widget.streaming_text.value_delta`)\nand component updates.",
          "maxLength": 200,
          "minLength": 1,
          "type": "string"
        },
        "type": {
          "const": "Card",
          "type": "string"
        },
        "children": {
          "description": "Components inside the card.",
          "items": {
            "$ref": "#/$defs/WidgetComponent"
          },
          "type": "array"
        },
        "asForm": {
          "description": "Make the whole card a form whose values go to the `confirm` action.",
          "type": "boolean"
        },
        "background": {
          "$ref": "#/$defs/Background",
          "description": "Background (see Box)."
        },
        "border": {
          "$ref": "#/$defs/BorderValue",
          "description": "Border: px, a border object or per-edge borders."
        },
        "size": {
          "description": "Card width preset.",
          "enum": [
            "sm",
            "md",
            "lg",
            "full"
          ],
          "type": "string"
        },
        "padding": {
          "$ref": "#/$defs/SpacingValue",
          "description": "Inner spacing."
        },
        "status": {
          "$ref": "#/$defs/WidgetStatus",
          "description": "Status line above the card."
        },
        "collapsed": {
          "description": "Collapse the body, e.g. after the main action completed.",
          "type": "boolean"
        },
        "confirm": {
          "$ref": "#/$defs/CardAction",
          "description": "Primary footer button."
        },
        "cancel": {
          "$ref": "#/$defs/CardAction",
          "description": "Secondary footer button."
        },
        "theme": {
          "description": "Force the light or dark scheme for this widget.",
          "enum": [
            "light",
            "dark"
          ],
          "type": "string"
        }
      },
      "required": [
        "type",
        "children"
      ],
      "title": "Card",
      "type": "object"
    },
    "CardAction": {
      "additionalProperties": false,
      "description": "A footer button of a card.",
      "properties": {
        "label": {
          "description": "Button label.",
          "type": "string"
        },
        "action": {
          "$ref": "#/$defs/ActionConfig",
          "description": "Action sent when the button is pressed."
        }
      },
      "required": [
        "label",
        "action"
      ],
      "title": "CardAction",
      "type": "object"
    },
    "Chart": {
      "additionalProperties": false,
      "description": "A bar, area or line chart.",
      "properties": {
        "height": {
          "$ref": "#/$defs/Length",
          "description": "Height: px or a CSS length."
        },
        "width": {
          "$ref": "#/$defs/Length",
          "description": "Width: px or a CSS length."
        },
        "size": {
          "$ref": "#/$defs/Length",
          "description": "Width and height at once."
        },
        "minHeight": {
          "$ref": "#/$defs/Length",
          "description": "Minimum height."
        },
        "minWidth": {
          "$ref": "#/$defs/Length",
          "description": "Minimum width."
        },
        "minSize": {
          "$ref": "#/$defs/Length",
          "description": "Minimum width and height."
        },
        "maxHeight": {
          "$ref": "#/$defs/Length",
          "description": "Maximum height."
        },
        "maxWidth": {
          "$ref": "#/$defs/Length",
          "description": "Maximum width."
        },
        "maxSize": {
          "$ref": "#/$defs/Length",
          "description": "Maximum width and height."
        },
        "aspectRatio": {
          "$ref": "#/$defs/AspectRatio",
          "description": "Aspect ratio, such as 1.5 or `16/9`."
        },
        "radius": {
          "description": "Corner radius.",
          "enum": [
            "2xs",
            "xs",
            "sm",
            "md",
            "lg",
            "xl",
            "2xl",
            "3xl",
            "4xl",
            "full",
            "100%",
            "none"
          ],
          "type": "string"
        },
        "margin": {
          "$ref": "#/$defs/SpacingValue",
          "description": "Outer spacing."
        },
        "key": {
          "description": "Stable identity among siblings, for smooth updates.",
          "maxLength": 200,
          "minLength": 1,
          "type": "string"
        },
        "id": {
          "description": "Component id: the target of streamed text (`widget.streaming_text.value_delta`)\nand component updates.",
          "maxLength": 200,
          "minLength": 1,
          "type": "string"
        },
        "type": {
          "const": "Chart",
          "type": "string"
        },
        "data": {
          "description": "Rows of data: field name to string or number.",
          "items": {
            "additionalProperties": {
              "$ref": "#/$defs/ChartValue"
            },
            "type": "object"
          },
          "type": "array"
        },
        "series": {
          "description": "What to plot.",
          "items": {
            "$ref": "#/$defs/ChartSeries"
          },
          "type": "array"
        },
        "xAxis": {
          "$ref": "#/$defs/XAxisValue",
          "description": "Category field, or x axis settings."
        },
        "showYAxis": {
          "description": "Show the y axis.",
          "type": "boolean"
        },
        "showLegend": {
          "description": "Show a legend.",
          "type": "boolean"
        },
        "showTooltip": {
          "description": "Show a tooltip on hover.",
          "type": "boolean"
        },
        "barGap": {
          "description": "Gap between bars of one category, in px.",
          "type": "integer"
        },
        "barCategoryGap": {
          "description": "Gap between categories, in px.",
          "type": "integer"
        },
        "flex": {
          "$ref": "#/$defs/Flex",
          "description": "Flex grow/shrink factor or CSS flex value."
        }
      },
      "required": [
        "type",
        "data",
        "series",
        "xAxis"
      ],
      "title": "Chart",
      "type": "object"
    },
    "ChartSeries": {
      "allOf": [
        {
          "if": {
            "properties": {
              "type": {
                "const": "bar"
              }
            },
            "required": [
              "type"
            ]
          },
          "then": {
            "$ref": "#/$defs/BarSeries"
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "area"
              }
            },
            "required": [
              "type"
            ]
          },
          "then": {
            "$ref": "#/$defs/AreaSeries"
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "line"
              }
            },
            "required": [
              "type"
            ]
          },
          "then": {
            "$ref": "#/$defs/LineSeries"
          }
        }
      ],
      "properties": {
        "type": {
          "enum": [
            "bar",
            "area",
            "line"
          ]
        }
      },
      "required": [
        "type"
      ],
      "type": "object"
    },
    "ChartValue": {
      "oneOf": [
        {
          "type": "string"
        },
        {
          "type": "number"
        }
      ]
    },
    "Checkbox": {
      "additionalProperties": false,
      "description": "A checkbox.",
      "properties": {
        "key": {
          "description": "Stable identity among siblings, for smooth updates.",
          "maxLength": 200,
          "minLength": 1,
          "type": "string"
        },
        "id": {
          "description": "Component id: the target of streamed text (`widget.streaming_text.value_delta`)\nand component updates.",
          "maxLength": 200,
          "minLength": 1,
          "type": "string"
        },
        "type": {
          "const": "Checkbox",
          "type": "string"
        },
        "name": {
          "description": "Form field name.",
          "maxLength": 200,
          "pattern": "^(?:(?!(?:__proto__|prototype|constructor)(?![A-Za-z0-9_-]))[A-Za-z0-9_-]+(?:\\.(?!(?:__proto__|prototype|constructor)(?![A-Za-z0-9_-]))[A-Za-z0-9_-]+)*)(?![\\s\\S])",
          "type": "string"
        },
        "label": {
          "description": "Text next to the box.",
          "type": "string"
        },
        "defaultChecked": {
          "description": "Initially checked.",
          "type": "boolean"
        },
        "onChangeAction": {
          "$ref": "#/$defs/ActionConfig",
          "description": "Action sent when toggled."
        },
        "disabled": {
          "description": "Cannot be toggled.",
          "type": "boolean"
        },
        "required": {
          "description": "Must be checked to submit.",
          "type": "boolean"
        }
      },
      "required": [
        "type",
        "name"
      ],
      "title": "Checkbox",
      "type": "object"
    },
    "Col": {
      "additionalProperties": false,
      "description": "A vertical flex container.",
      "properties": {
        "height": {
          "$ref": "#/$defs/Length",
          "description": "Height: px or a CSS length."
        },
        "width": {
          "$ref": "#/$defs/Length",
          "description": "Width: px or a CSS length."
        },
        "size": {
          "$ref": "#/$defs/Length",
          "description": "Width and height at once."
        },
        "minHeight": {
          "$ref": "#/$defs/Length",
          "description": "Minimum height."
        },
        "minWidth": {
          "$ref": "#/$defs/Length",
          "description": "Minimum width."
        },
        "minSize": {
          "$ref": "#/$defs/Length",
          "description": "Minimum width and height."
        },
        "maxHeight": {
          "$ref": "#/$defs/Length",
          "description": "Maximum height."
        },
        "maxWidth": {
          "$ref": "#/$defs/Length",
          "description": "Maximum width."
        },
        "maxSize": {
          "$ref": "#/$defs/Length",
          "description": "Maximum width and height."
        },
        "aspectRatio": {
          "$ref": "#/$defs/AspectRatio",
          "description": "Aspect ratio, such as 1.5 or `16/9`."
        },
        "radius": {
          "description": "Corner radius.",
          "enum": [
            "2xs",
            "xs",
            "sm",
            "md",
            "lg",
            "xl",
            "2xl",
            "3xl",
            "4xl",
            "full",
            "100%",
            "none"
          ],
          "type": "string"
        },
        "margin": {
          "$ref": "#/$defs/SpacingValue",
          "description": "Outer spacing."
        },
        "children": {
          "description": "Components inside the container.",
          "items": {
            "$ref": "#/$defs/WidgetComponent"
          },
          "type": "array"
        },
        "align": {
          "description": "Cross-axis alignment of the children.",
          "enum": [
            "start",
            "center",
            "end",
            "baseline",
            "stretch"
          ],
          "type": "string"
        },
        "justify": {
          "description": "Main-axis distribution of the children.",
          "enum": [
            "start",
            "center",
            "end",
            "between",
            "around",
            "evenly",
            "stretch"
          ],
          "type": "string"
        },
        "wrap": {
          "description": "Whether children wrap onto more lines.",
          "enum": [
            "nowrap",
            "wrap",
            "wrap-reverse"
          ],
          "type": "string"
        },
        "flex": {
          "$ref": "#/$defs/Flex",
          "description": "Flex grow/shrink factor or CSS flex value."
        },
        "gap": {
          "$ref": "#/$defs/Length",
          "description": "Space between children: spacing units or a CSS length."
        },
        "padding": {
          "$ref": "#/$defs/SpacingValue",
          "description": "Inner spacing."
        },
        "border": {
          "$ref": "#/$defs/BorderValue",
          "description": "Border: px, a border object or per-edge borders."
        },
        "background": {
          "$ref": "#/$defs/Background",
          "description": "Background: `surface`, `surface-secondary`, `surface-tertiary`, `surface-elevated`,\n`surface-elevated-secondary`, a primitive token, a CSS color or gradient, or {light, dark}."
        },
        "key": {
          "description": "Stable identity among siblings, for smooth updates.",
          "maxLength": 200,
          "minLength": 1,
          "type": "string"
        },
        "id": {
          "description": "Component id: the target of streamed text (`widget.streaming_text.value_delta`)\nand component updates.",
          "maxLength": 200,
          "minLength": 1,
          "type": "string"
        },
        "type": {
          "const": "Col",
          "type": "string"
        }
      },
      "required": [
        "type"
      ],
      "title": "Col",
      "type": "object"
    },
    "Color": {
      "oneOf": [
        {
          "maxLength": 200,
          "pattern": "^(?:(?![\\s\\S]*[eE][xX][pP][rR][eE][sS][sS][iI][oO][nN])(?:#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})|(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\\([0-9a-z.,%/ +-]*\\)|[a-zA-Z]+(?:-[a-zA-Z0-9]+)*))(?![\\s\\S])",
          "type": "string"
        },
        {
          "$ref": "#/$defs/ThemeColor"
        }
      ]
    },
    "ComponentOrRoot": {
      "allOf": [
        {
          "if": {
            "properties": {
              "type": {
                "const": "Card"
              }
            },
            "required": [
              "type"
            ]
          },
          "then": {
            "$ref": "#/$defs/Card"
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "ListView"
              }
            },
            "required": [
              "type"
            ]
          },
          "then": {
            "$ref": "#/$defs/ListView"
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "Basic"
              }
            },
            "required": [
              "type"
            ]
          },
          "then": {
            "$ref": "#/$defs/Basic"
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "Box"
              }
            },
            "required": [
              "type"
            ]
          },
          "then": {
            "$ref": "#/$defs/Box"
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "Row"
              }
            },
            "required": [
              "type"
            ]
          },
          "then": {
            "$ref": "#/$defs/Row"
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "Col"
              }
            },
            "required": [
              "type"
            ]
          },
          "then": {
            "$ref": "#/$defs/Col"
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "Form"
              }
            },
            "required": [
              "type"
            ]
          },
          "then": {
            "$ref": "#/$defs/Form"
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "Spacer"
              }
            },
            "required": [
              "type"
            ]
          },
          "then": {
            "$ref": "#/$defs/Spacer"
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "Divider"
              }
            },
            "required": [
              "type"
            ]
          },
          "then": {
            "$ref": "#/$defs/Divider"
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "Transition"
              }
            },
            "required": [
              "type"
            ]
          },
          "then": {
            "$ref": "#/$defs/Transition"
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "Text"
              }
            },
            "required": [
              "type"
            ]
          },
          "then": {
            "$ref": "#/$defs/Text"
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "Title"
              }
            },
            "required": [
              "type"
            ]
          },
          "then": {
            "$ref": "#/$defs/Title"
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "Caption"
              }
            },
            "required": [
              "type"
            ]
          },
          "then": {
            "$ref": "#/$defs/Caption"
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "Markdown"
              }
            },
            "required": [
              "type"
            ]
          },
          "then": {
            "$ref": "#/$defs/Markdown"
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "Label"
              }
            },
            "required": [
              "type"
            ]
          },
          "then": {
            "$ref": "#/$defs/Label"
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "Badge"
              }
            },
            "required": [
              "type"
            ]
          },
          "then": {
            "$ref": "#/$defs/Badge"
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "Icon"
              }
            },
            "required": [
              "type"
            ]
          },
          "then": {
            "$ref": "#/$defs/Icon"
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "Image"
              }
            },
            "required": [
              "type"
            ]
          },
          "then": {
            "$ref": "#/$defs/Image"
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "Button"
              }
            },
            "required": [
              "type"
            ]
          },
          "then": {
            "$ref": "#/$defs/Button"
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "Input"
              }
            },
            "required": [
              "type"
            ]
          },
          "then": {
            "$ref": "#/$defs/Input"
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "Textarea"
              }
            },
            "required": [
              "type"
            ]
          },
          "then": {
            "$ref": "#/$defs/Textarea"
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "Select"
              }
            },
            "required": [
              "type"
            ]
          },
          "then": {
            "$ref": "#/$defs/Select"
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "DatePicker"
              }
            },
            "required": [
              "type"
            ]
          },
          "then": {
            "$ref": "#/$defs/DatePicker"
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "Checkbox"
              }
            },
            "required": [
              "type"
            ]
          },
          "then": {
            "$ref": "#/$defs/Checkbox"
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "RadioGroup"
              }
            },
            "required": [
              "type"
            ]
          },
          "then": {
            "$ref": "#/$defs/RadioGroup"
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "Chart"
              }
            },
            "required": [
              "type"
            ]
          },
          "then": {
            "$ref": "#/$defs/Chart"
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "Table"
              }
            },
            "required": [
              "type"
            ]
          },
          "then": {
            "$ref": "#/$defs/Table"
          }
        }
      ],
      "properties": {
        "type": {
          "enum": [
            "Card",
            "ListView",
            "Basic",
            "Box",
            "Row",
            "Col",
            "Form",
            "Spacer",
            "Divider",
            "Transition",
            "Text",
            "Title",
            "Caption",
            "Markdown",
            "Label",
            "Badge",
            "Icon",
            "Image",
            "Button",
            "Input",
            "Textarea",
            "Select",
            "DatePicker",
            "Checkbox",
            "RadioGroup",
            "Chart",
            "Table"
          ]
        }
      },
      "required": [
        "type"
      ],
      "type": "object"
    },
    "DatePicker": {
      "additionalProperties": false,
      "description": "A date field with a calendar.",
      "properties": {
        "key": {
          "description": "Stable identity among siblings, for smooth updates.",
          "maxLength": 200,
          "minLength": 1,
          "type": "string"
        },
        "id": {
          "description": "Component id: the target of streamed text (`widget.streaming_text.value_delta`)\nand component updates.",
          "maxLength": 200,
          "minLength": 1,
          "type": "string"
        },
        "type": {
          "const": "DatePicker",
          "type": "string"
        },
        "name": {
          "description": "Form field name.",
          "maxLength": 200,
          "pattern": "^(?:(?!(?:__proto__|prototype|constructor)(?![A-Za-z0-9_-]))[A-Za-z0-9_-]+(?:\\.(?!(?:__proto__|prototype|constructor)(?![A-Za-z0-9_-]))[A-Za-z0-9_-]+)*)(?![\\s\\S])",
          "type": "string"
        },
        "onChangeAction": {
          "$ref": "#/$defs/ActionConfig",
          "description": "Action sent when the date changes."
        },
        "placeholder": {
          "description": "Text shown while no date is chosen.",
          "type": "string"
        },
        "defaultValue": {
          "description": "Initial date (ISO 8601).",
          "maxLength": 40,
          "pattern": "^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\\.[0-9]{1,9})?)?(?:Z|[+-][0-9]{2}:?[0-9]{2})?)?)(?![\\s\\S])",
          "type": "string"
        },
        "min": {
          "description": "Earliest date (ISO 8601).",
          "maxLength": 40,
          "pattern": "^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\\.[0-9]{1,9})?)?(?:Z|[+-][0-9]{2}:?[0-9]{2})?)?)(?![\\s\\S])",
          "type": "string"
        },
        "max": {
          "description": "Latest date (ISO 8601).",
          "maxLength": 40,
          "pattern": "^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\\.[0-9]{1,9})?)?(?:Z|[+-][0-9]{2}:?[0-9]{2})?)?)(?![\\s\\S])",
          "type": "string"
        },
        "variant": {
          "description": "Visual variant.",
          "enum": [
            "solid",
            "soft",
            "outline",
            "ghost"
          ],
          "type": "string"
        },
        "size": {
          "description": "Control size.",
          "enum": [
            "3xs",
            "2xs",
            "xs",
            "sm",
            "md",
            "lg",
            "xl",
            "2xl",
            "3xl"
          ],
          "type": "string"
        },
        "side": {
          "description": "Preferred side of the calendar.",
          "enum": [
            "top",
            "bottom",
            "left",
            "right"
          ],
          "type": "string"
        },
        "align": {
          "description": "Calendar alignment against the field.",
          "enum": [
            "start",
            "center",
            "end"
          ],
          "type": "string"
        },
        "pill": {
          "description": "Fully rounded ends.",
          "type": "boolean"
        },
        "block": {
          "description": "Full width.",
          "type": "boolean"
        },
        "clearable": {
          "description": "Offer a control that clears the value.",
          "type": "boolean"
        },
        "disabled": {
          "description": "Cannot be changed.",
          "type": "boolean"
        }
      },
      "required": [
        "type",
        "name"
      ],
      "title": "DatePicker",
      "type": "object"
    },
    "Divider": {
      "additionalProperties": false,
      "description": "A line between sections.",
      "properties": {
        "key": {
          "description": "Stable identity among siblings, for smooth updates.",
          "maxLength": 200,
          "minLength": 1,
          "type": "string"
        },
        "id": {
          "description": "Component id: the target of streamed text (`widget.streaming_text.value_delta`)\nand component updates.",
          "maxLength": 200,
          "minLength": 1,
          "type": "string"
        },
        "type": {
          "const": "Divider",
          "type": "string"
        },
        "color": {
          "$ref": "#/$defs/Color",
          "description": "Line color: `default`, `subtle`, `strong`, a primitive token, a CSS color or {light, dark}."
        },
        "size": {
          "$ref": "#/$defs/Length",
          "description": "Thickness."
        },
        "spacing": {
          "$ref": "#/$defs/Length",
          "description": "Space above and below."
        },
        "flush": {
          "description": "Reach the container's edges, ignoring its padding.",
          "type": "boolean"
        }
      },
      "required": [
        "type"
      ],
      "title": "Divider",
      "type": "object"
    },
    "Editable": {
      "oneOf": [
        {
          "const": false,
          "type": "boolean"
        },
        {
          "$ref": "#/$defs/EditableProps"
        }
      ]
    },
    "EditableProps": {
      "additionalProperties": false,
      "description": "Makes a Text editable inline, as a form field.",
      "properties": {
        "name": {
          "description": "Form field name of the edited value.",
          "maxLength": 200,
          "pattern": "^(?:(?!(?:__proto__|prototype|constructor)(?![A-Za-z0-9_-]))[A-Za-z0-9_-]+(?:\\.(?!(?:__proto__|prototype|constructor)(?![A-Za-z0-9_-]))[A-Za-z0-9_-]+)*)(?![\\s\\S])",
          "type": "string"
        },
        "autoFocus": {
          "description": "Focus the field when it appears.",
          "type": "boolean"
        },
        "autoSelect": {
          "description": "Select all text on focus.",
          "type": "boolean"
        },
        "autoComplete": {
          "description": "Native autocomplete hint.",
          "type": "string"
        },
        "allowAutofillExtensions": {
          "description": "Allow password managers and autofill extensions.",
          "type": "boolean"
        },
        "pattern": {
          "description": "Regular expression the value must match.",
          "maxLength": 1000,
          "type": "string"
        },
        "placeholder": {
          "description": "Placeholder text.",
          "type": "string"
        },
        "required": {
          "description": "The field must be filled in.",
          "type": "boolean"
        }
      },
      "required": [
        "name"
      ],
      "title": "EditableProps",
      "type": "object"
    },
    "FaviconStatus": {
      "additionalProperties": false,
      "description": "A status line with a favicon.",
      "properties": {
        "text": {
          "description": "Status text.",
          "type": "string"
        },
        "favicon": {
          "description": "URL of a favicon shown before the text.",
          "maxLength": 262144,
          "pattern": "^(?:https?://[A-Za-z0-9.-]+(?::[0-9]{1,5})?(?:[/?#][A-Za-z0-9._~:/?#\\[\\]@!$&()*+,;=%-]*)?|data:image/(?:png|jpeg|gif|webp|avif|bmp|svg\\+xml|x-icon)(?:;[A-Za-z0-9=._-]+)*,[A-Za-z0-9+/=%._~!$&()*,;:@-]*)(?![\\s\\S])",
          "type": "string"
        },
        "frame": {
          "description": "Draw a frame around the favicon.",
          "type": "boolean"
        }
      },
      "required": [
        "text"
      ],
      "title": "FaviconStatus",
      "type": "object"
    },
    "Flex": {
      "oneOf": [
        {
          "type": "number"
        },
        {
          "maxLength": 100,
          "pattern": "^(?:(?![\\s\\S]*[eE][xX][pP][rR][eE][sS][sS][iI][oO][nN])(?:none|auto|initial|(?:[0-9]+(?:\\.[0-9]+)?|\\.[0-9]+)(?: (?:[0-9]+(?:\\.[0-9]+)?|\\.[0-9]+))?(?: (?:-?(?:[0-9]+(?:\\.[0-9]+)?|\\.[0-9]+)(?:px|%|r?em|ch|ex|lh|[dsl]?v[hw]|vmin|vmax|cq(?:[whib]|min|max)|pt|fr)?|auto|none|fit-content|min-content|max-content|(?:calc|min|max|clamp)\\([0-9a-z.,%+*/ -]*\\)))?))(?![\\s\\S])",
          "type": "string"
        }
      ]
    },
    "Form": {
      "additionalProperties": false,
      "description": "A form: its controls' values are sent with `onSubmitAction`.",
      "properties": {
        "height": {
          "$ref": "#/$defs/Length",
          "description": "Height: px or a CSS length."
        },
        "width": {
          "$ref": "#/$defs/Length",
          "description": "Width: px or a CSS length."
        },
        "size": {
          "$ref": "#/$defs/Length",
          "description": "Width and height at once."
        },
        "minHeight": {
          "$ref": "#/$defs/Length",
          "description": "Minimum height."
        },
        "minWidth": {
          "$ref": "#/$defs/Length",
          "description": "Minimum width."
        },
        "minSize": {
          "$ref": "#/$defs/Length",
          "description": "Minimum width and height."
        },
        "maxHeight": {
          "$ref": "#/$defs/Length",
          "description": "Maximum height."
        },
        "maxWidth": {
          "$ref": "#/$defs/Length",
          "description": "Maximum width."
        },
        "maxSize": {
          "$ref": "#/$defs/Length",
          "description": "Maximum width and height."
        },
        "aspectRatio": {
          "$ref": "#/$defs/AspectRatio",
          "description": "Aspect ratio, such as 1.5 or `16/9`."
        },
        "radius": {
          "description": "Corner radius.",
          "enum": [
            "2xs",
            "xs",
            "sm",
            "md",
            "lg",
            "xl",
            "2xl",
            "3xl",
            "4xl",
            "full",
            "100%",
            "none"
          ],
          "type": "string"
        },
        "margin": {
          "$ref": "#/$defs/SpacingValue",
          "description": "Outer spacing."
        },
        "children": {
          "description": "Components inside the container.",
          "items": {
            "$ref": "#/$defs/WidgetComponent"
          },
          "type": "array"
        },
        "align": {
          "description": "Cross-axis alignment of the children.",
          "enum": [
            "start",
            "center",
            "end",
            "baseline",
            "stretch"
          ],
          "type": "string"
        },
        "justify": {
          "description": "Main-axis distribution of the children.",
          "enum": [
            "start",
            "center",
            "end",
            "between",
            "around",
            "evenly",
            "stretch"
          ],
          "type": "string"
        },
        "wrap": {
          "description": "Whether children wrap onto more lines.",
          "enum": [
            "nowrap",
            "wrap",
            "wrap-reverse"
          ],
          "type": "string"
        },
        "flex": {
          "$ref": "#/$defs/Flex",
          "description": "Flex grow/shrink factor or CSS flex value."
        },
        "gap": {
          "$ref": "#/$defs/Length",
          "description": "Space between children: spacing units or a CSS length."
        },
        "padding": {
          "$ref": "#/$defs/SpacingValue",
          "description": "Inner spacing."
        },
        "border": {
          "$ref": "#/$defs/BorderValue",
          "description": "Border: px, a border object or per-edge borders."
        },
        "background": {
          "$ref": "#/$defs/Background",
          "description": "Background: `surface`, `surface-secondary`, `surface-tertiary`, `surface-elevated`,\n`surface-elevated-secondary`, a primitive token, a CSS color or gradient, or {light, dark}."
        },
        "key": {
          "description": "Stable identity among siblings, for smooth updates.",
          "maxLength": 200,
          "minLength": 1,
          "type": "string"
        },
        "id": {
          "description": "Component id: the target of streamed text (`widget.streaming_text.value_delta`)\nand component updates.",
          "maxLength": 200,
          "minLength": 1,
          "type": "string"
        },
        "type": {
          "const": "Form",
          "type": "string"
        },
        "onSubmitAction": {
          "$ref": "#/$defs/ActionConfig",
          "description": "Action sent on submit, with the form values merged into its payload."
        },
        "direction": {
          "description": "Lay children out in a row or a column.",
          "enum": [
            "row",
            "col"
          ],
          "type": "string"
        }
      },
      "required": [
        "type"
      ],
      "title": "Form",
      "type": "object"
    },
    "Icon": {
      "additionalProperties": false,
      "description": "An icon.",
      "properties": {
        "key": {
          "description": "Stable identity among siblings, for smooth updates.",
          "maxLength": 200,
          "minLength": 1,
          "type": "string"
        },
        "id": {
          "description": "Component id: the target of streamed text (`widget.streaming_text.value_delta`)\nand component updates.",
          "maxLength": 200,
          "minLength": 1,
          "type": "string"
        },
        "type": {
          "const": "Icon",
          "type": "string"
        },
        "name": {
          "anyOf": [
            {
              "enum": [
                "agent",
                "analytics",
                "atom",
                "batch",
                "bolt",
                "book-open",
                "book-closed",
                "book-clock",
                "bug",
                "calendar",
                "chart",
                "check",
                "check-circle",
                "check-circle-filled",
                "chevron-left",
                "chevron-right",
                "circle-question",
                "clock",
                "compass",
                "confetti",
                "cube",
                "desktop",
                "document",
                "dot",
                "dots-horizontal",
                "dots-vertical",
                "empty-circle",
                "external-link",
                "globe",
                "keys",
                "lab",
                "images",
                "info",
                "lifesaver",
                "lightbulb",
                "mail",
                "map-pin",
                "maps",
                "mobile",
                "name",
                "notebook",
                "notebook-pencil",
                "page-blank",
                "phone",
                "play",
                "plus",
                "profile",
                "profile-card",
                "reload",
                "star",
                "star-filled",
                "search",
                "sparkle",
                "sparkle-double",
                "square-code",
                "square-image",
                "square-text",
                "suitcase",
                "settings-slider",
                "user",
                "wreath",
                "write",
                "write-alt",
                "write-alt2"
              ]
            },
            {
              "maxLength": 100,
              "pattern": "^(?:lucide:[a-z0-9]+(?:-[a-z0-9]+)*|vendor:[A-Za-z0-9]+(?:[._-][A-Za-z0-9]+)*)(?![\\s\\S])",
              "type": "string"
            }
          ],
          "description": "Built-in icon name, `lucide:<name>` or `vendor:<name>`."
        },
        "color": {
          "$ref": "#/$defs/Color",
          "description": "Icon color (text color tokens, see Text)."
        },
        "size": {
          "description": "Icon size.",
          "enum": [
            "xs",
            "sm",
            "md",
            "lg",
            "xl",
            "2xl",
            "3xl"
          ],
          "type": "string"
        }
      },
      "required": [
        "type",
        "name"
      ],
      "title": "Icon",
      "type": "object"
    },
    "IconStatus": {
      "additionalProperties": false,
      "description": "A status line with an icon.",
      "properties": {
        "text": {
          "description": "Status text.",
          "type": "string"
        },
        "icon": {
          "anyOf": [
            {
              "enum": [
                "agent",
                "analytics",
                "atom",
                "batch",
                "bolt",
                "book-open",
                "book-closed",
                "book-clock",
                "bug",
                "calendar",
                "chart",
                "check",
                "check-circle",
                "check-circle-filled",
                "chevron-left",
                "chevron-right",
                "circle-question",
                "clock",
                "compass",
                "confetti",
                "cube",
                "desktop",
                "document",
                "dot",
                "dots-horizontal",
                "dots-vertical",
                "empty-circle",
                "external-link",
                "globe",
                "keys",
                "lab",
                "images",
                "info",
                "lifesaver",
                "lightbulb",
                "mail",
                "map-pin",
                "maps",
                "mobile",
                "name",
                "notebook",
                "notebook-pencil",
                "page-blank",
                "phone",
                "play",
                "plus",
                "profile",
                "profile-card",
                "reload",
                "star",
                "star-filled",
                "search",
                "sparkle",
                "sparkle-double",
                "square-code",
                "square-image",
                "square-text",
                "suitcase",
                "settings-slider",
                "user",
                "wreath",
                "write",
                "write-alt",
                "write-alt2"
              ]
            },
            {
              "maxLength": 100,
              "pattern": "^(?:lucide:[a-z0-9]+(?:-[a-z0-9]+)*|vendor:[A-Za-z0-9]+(?:[._-][A-Za-z0-9]+)*)(?![\\s\\S])",
              "type": "string"
            }
          ],
          "description": "Icon shown before the text."
        }
      },
      "required": [
        "text",
        "icon"
      ],
      "title": "IconStatus",
      "type": "object"
    },
    "Image": {
      "additionalProperties": false,
      "description": "An image from an http(s) or data:image/ URL.",
      "properties": {
        "height": {
          "$ref": "#/$defs/Length",
          "description": "Height: px or a CSS length."
        },
        "width": {
          "$ref": "#/$defs/Length",
          "description": "Width: px or a CSS length."
        },
        "size": {
          "$ref": "#/$defs/Length",
          "description": "Width and height at once."
        },
        "minHeight": {
          "$ref": "#/$defs/Length",
          "description": "Minimum height."
        },
        "minWidth": {
          "$ref": "#/$defs/Length",
          "description": "Minimum width."
        },
        "minSize": {
          "$ref": "#/$defs/Length",
          "description": "Minimum width and height."
        },
        "maxHeight": {
          "$ref": "#/$defs/Length",
          "description": "Maximum height."
        },
        "maxWidth": {
          "$ref": "#/$defs/Length",
          "description": "Maximum width."
        },
        "maxSize": {
          "$ref": "#/$defs/Length",
          "description": "Maximum width and height."
        },
        "aspectRatio": {
          "$ref": "#/$defs/AspectRatio",
          "description": "Aspect ratio, such as 1.5 or `16/9`."
        },
        "radius": {
          "description": "Corner radius.",
          "enum": [
            "2xs",
            "xs",
            "sm",
            "md",
            "lg",
            "xl",
            "2xl",
            "3xl",
            "4xl",
            "full",
            "100%",
            "none"
          ],
          "type": "string"
        },
        "margin": {
          "$ref": "#/$defs/SpacingValue",
          "description": "Outer spacing."
        },
        "key": {
          "description": "Stable identity among siblings, for smooth updates.",
          "maxLength": 200,
          "minLength": 1,
          "type": "string"
        },
        "id": {
          "description": "Component id: the target of streamed text (`widget.streaming_text.value_delta`)\nand component updates.",
          "maxLength": 200,
          "minLength": 1,
          "type": "string"
        },
        "type": {
          "const": "Image",
          "type": "string"
        },
        "src": {
          "description": "Image URL: absolute https:// or http://, or data:image/.",
          "maxLength": 262144,
          "pattern": "^(?:https?://[A-Za-z0-9.-]+(?::[0-9]{1,5})?(?:[/?#][A-Za-z0-9._~:/?#\\[\\]@!$&()*+,;=%-]*)?|data:image/(?:png|jpeg|gif|webp|avif|bmp|svg\\+xml|x-icon)(?:;[A-Za-z0-9=._-]+)*,[A-Za-z0-9+/=%._~!$&()*,;:@-]*)(?![\\s\\S])",
          "type": "string"
        },
        "alt": {
          "description": "Alternative text.",
          "type": "string"
        },
        "fit": {
          "description": "How the image fills its box.",
          "enum": [
            "cover",
            "contain",
            "fill",
            "scale-down",
            "none"
          ],
          "type": "string"
        },
        "position": {
          "description": "Focal point inside the box.",
          "enum": [
            "top left",
            "top",
            "top right",
            "left",
            "center",
            "right",
            "bottom left",
            "bottom",
            "bottom right"
          ],
          "type": "string"
        },
        "frame": {
          "description": "Draw a subtle frame.",
          "type": "boolean"
        },
        "flush": {
          "description": "Reach the container's edges, ignoring its padding.",
          "type": "boolean"
        },
        "background": {
          "$ref": "#/$defs/Background",
          "description": "Background behind the image."
        },
        "flex": {
          "$ref": "#/$defs/Flex",
          "description": "Flex grow/shrink factor or CSS flex value."
        }
      },
      "required": [
        "type",
        "src"
      ],
      "title": "Image",
      "type": "object"
    },
    "Input": {
      "additionalProperties": false,
      "description": "A single-line text field.",
      "properties": {
        "key": {
          "description": "Stable identity among siblings, for smooth updates.",
          "maxLength": 200,
          "minLength": 1,
          "type": "string"
        },
        "id": {
          "description": "Component id: the target of streamed text (`widget.streaming_text.value_delta`)\nand component updates.",
          "maxLength": 200,
          "minLength": 1,
          "type": "string"
        },
        "name": {
          "description": "Form field name.",
          "maxLength": 200,
          "pattern": "^(?:(?!(?:__proto__|prototype|constructor)(?![A-Za-z0-9_-]))[A-Za-z0-9_-]+(?:\\.(?!(?:__proto__|prototype|constructor)(?![A-Za-z0-9_-]))[A-Za-z0-9_-]+)*)(?![\\s\\S])",
          "type": "string"
        },
        "defaultValue": {
          "description": "Initial value.",
          "type": "string"
        },
        "required": {
          "description": "Must be filled in.",
          "type": "boolean"
        },
        "pattern": {
          "description": "Regular expression the value must match.",
          "maxLength": 1000,
          "type": "string"
        },
        "placeholder": {
          "description": "Placeholder text.",
          "type": "string"
        },
        "allowAutofillExtensions": {
          "description": "Allow password managers and autofill extensions.",
          "type": "boolean"
        },
        "autoSelect": {
          "description": "Select the contents when shown.",
          "type": "boolean"
        },
        "autoFocus": {
          "description": "Focus the field when shown.",
          "type": "boolean"
        },
        "disabled": {
          "description": "Cannot be edited.",
          "type": "boolean"
        },
        "variant": {
          "description": "Visual style.",
          "enum": [
            "soft",
            "outline"
          ],
          "type": "string"
        },
        "size": {
          "description": "Field size.",
          "enum": [
            "3xs",
            "2xs",
            "xs",
            "sm",
            "md",
            "lg",
            "xl",
            "2xl",
            "3xl"
          ],
          "type": "string"
        },
        "gutterSize": {
          "description": "Inner horizontal padding, overriding `size`.",
          "enum": [
            "2xs",
            "xs",
            "sm",
            "md",
            "lg",
            "xl"
          ],
          "type": "string"
        },
        "type": {
          "const": "Input",
          "type": "string"
        },
        "inputType": {
          "description": "Native input type.",
          "enum": [
            "number",
            "email",
            "text",
            "password",
            "tel",
            "url"
          ],
          "type": "string"
        },
        "pill": {
          "description": "Fully rounded ends.",
          "type": "boolean"
        }
      },
      "required": [
        "name",
        "type"
      ],
      "title": "Input",
      "type": "object"
    },
    "Label": {
      "additionalProperties": false,
      "description": "A label for a form control.",
      "properties": {
        "key": {
          "description": "Stable identity among siblings, for smooth updates.",
          "maxLength": 200,
          "minLength": 1,
          "type": "string"
        },
        "id": {
          "description": "Component id: the target of streamed text (`widget.streaming_text.value_delta`)\nand component updates.",
          "maxLength": 200,
          "minLength": 1,
          "type": "string"
        },
        "type": {
          "const": "Label",
          "type": "string"
        },
        "value": {
          "description": "Label text.",
          "type": "string"
        },
        "fieldName": {
          "description": "Name of the control it labels.",
          "maxLength": 200,
          "pattern": "^(?:(?!(?:__proto__|prototype|constructor)(?![A-Za-z0-9_-]))[A-Za-z0-9_-]+(?:\\.(?!(?:__proto__|prototype|constructor)(?![A-Za-z0-9_-]))[A-Za-z0-9_-]+)*)(?![\\s\\S])",
          "type": "string"
        },
        "size": {
          "description": "Text size.",
          "enum": [
            "xs",
            "sm",
            "md",
            "lg",
            "xl"
          ],
          "type": "string"
        },
        "weight": {
          "description": "Font weight.",
          "enum": [
            "normal",
            "medium",
            "semibold",
            "bold"
          ],
          "type": "string"
        },
        "textAlign": {
          "description": "Horizontal alignment.",
          "enum": [
            "start",
            "center",
            "end"
          ],
          "type": "string"
        },
        "color": {
          "$ref": "#/$defs/Color",
          "description": "Text color (see Text)."
        }
      },
      "required": [
        "type",
        "value",
        "fieldName"
      ],
      "title": "Label",
      "type": "object"
    },
    "Length": {
      "oneOf": [
        {
          "type": "number"
        },
        {
          "maxLength": 100,
          "pattern": "^(?:(?![\\s\\S]*[eE][xX][pP][rR][eE][sS][sS][iI][oO][nN])(?:-?(?:[0-9]+(?:\\.[0-9]+)?|\\.[0-9]+)(?:px|%|r?em|ch|ex|lh|[dsl]?v[hw]|vmin|vmax|cq(?:[whib]|min|max)|pt|fr)?|auto|none|fit-content|min-content|max-content|(?:calc|min|max|clamp)\\([0-9a-z.,%+*/ -]*\\)))(?![\\s\\S])",
          "type": "string"
        }
      ]
    },
    "LineSeries": {
      "additionalProperties": false,
      "description": "A line from a numeric field.",
      "properties": {
        "type": {
          "const": "line",
          "description": "Series kind.",
          "type": "string"
        },
        "label": {
          "description": "Legend label.",
          "type": "string"
        },
        "dataKey": {
          "description": "Field of each data row holding the value.",
          "type": "string"
        },
        "color": {
          "$ref": "#/$defs/Color",
          "description": "Series color (see `bar`)."
        },
        "curveType": {
          "description": "Interpolation between points.",
          "enum": [
            "basis",
            "basisClosed",
            "basisOpen",
            "bumpX",
            "bumpY",
            "bump",
            "linear",
            "linearClosed",
            "natural",
            "monotoneX",
            "monotoneY",
            "monotone",
            "step",
            "stepBefore",
            "stepAfter"
          ],
          "type": "string"
        }
      },
      "required": [
        "type",
        "dataKey"
      ],
      "title": "LineSeries",
      "type": "object"
    },
    "ListLimit": {
      "oneOf": [
        {
          "minimum": 1,
          "type": "integer"
        },
        {
          "const": "auto",
          "type": "string"
        }
      ]
    },
    "ListView": {
      "additionalProperties": false,
      "description": "A list of options or results (a root).",
      "properties": {
        "key": {
          "description": "Stable identity among siblings, for smooth updates.",
          "maxLength": 200,
          "minLength": 1,
          "type": "string"
        },
        "id": {
          "description": "Component id: the target of streamed text (`widget.streaming_text.value_delta`)\nand component updates.",
          "maxLength": 200,
          "minLength": 1,
          "type": "string"
        },
        "type": {
          "const": "ListView",
          "type": "string"
        },
        "children": {
          "description": "The rows.",
          "items": {
            "$ref": "#/$defs/ListViewItem"
          },
          "type": "array"
        },
        "limit": {
          "$ref": "#/$defs/ListLimit",
          "description": "Rows shown before a \"Show more\" control."
        },
        "status": {
          "$ref": "#/$defs/WidgetStatus",
          "description": "Status line above the list."
        },
        "theme": {
          "description": "Force the light or dark scheme for this widget.",
          "enum": [
            "light",
            "dark"
          ],
          "type": "string"
        }
      },
      "required": [
        "type",
        "children"
      ],
      "title": "ListView",
      "type": "object"
    },
    "ListViewItem": {
      "additionalProperties": false,
      "description": "A row of a ListView (only directly inside a ListView).",
      "properties": {
        "key": {
          "description": "Stable identity among siblings, for smooth updates.",
          "maxLength": 200,
          "minLength": 1,
          "type": "string"
        },
        "id": {
          "description": "Component id: the target of streamed text (`widget.streaming_text.value_delta`)\nand component updates.",
          "maxLength": 200,
          "minLength": 1,
          "type": "string"
        },
        "type": {
          "const": "ListViewItem",
          "type": "string"
        },
        "children": {
          "description": "Components inside the row.",
          "items": {
            "$ref": "#/$defs/WidgetComponent"
          },
          "type": "array"
        },
        "onClickAction": {
          "$ref": "#/$defs/ActionConfig",
          "description": "Action sent when the row is clicked."
        },
        "gap": {
          "$ref": "#/$defs/Length",
          "description": "Space between children."
        },
        "align": {
          "description": "Vertical alignment of the children.",
          "enum": [
            "start",
            "center",
            "end",
            "baseline",
            "stretch"
          ],
          "type": "string"
        }
      },
      "required": [
        "type",
        "children"
      ],
      "title": "ListViewItem",
      "type": "object"
    },
    "Markdown": {
      "additionalProperties": false,
      "description": "Markdown, rendered to a safe subset (no raw HTML).",
      "properties": {
        "key": {
          "description": "Stable identity among siblings, for smooth updates.",
          "maxLength": 200,
          "minLength": 1,
          "type": "string"
        },
        "id": {
          "description": "Component id: the target of streamed text (`widget.streaming_text.value_delta`)\nand component updates.",
          "maxLength": 200,
          "minLength": 1,
          "type": "string"
        },
        "type": {
          "const": "Markdown",
          "type": "string"
        },
        "value": {
          "description": "Markdown source.",
          "type": "string"
        },
        "streaming": {
          "description": "The value is still streaming in.",
          "type": "boolean"
        }
      },
      "required": [
        "type",
        "value"
      ],
      "title": "Markdown",
      "type": "object"
    },
    "RadioGroup": {
      "additionalProperties": false,
      "description": "A set of mutually exclusive options.",
      "properties": {
        "key": {
          "description": "Stable identity among siblings, for smooth updates.",
          "maxLength": 200,
          "minLength": 1,
          "type": "string"
        },
        "id": {
          "description": "Component id: the target of streamed text (`widget.streaming_text.value_delta`)\nand component updates.",
          "maxLength": 200,
          "minLength": 1,
          "type": "string"
        },
        "type": {
          "const": "RadioGroup",
          "type": "string"
        },
        "name": {
          "description": "Form field name.",
          "maxLength": 200,
          "pattern": "^(?:(?!(?:__proto__|prototype|constructor)(?![A-Za-z0-9_-]))[A-Za-z0-9_-]+(?:\\.(?!(?:__proto__|prototype|constructor)(?![A-Za-z0-9_-]))[A-Za-z0-9_-]+)*)(?![\\s\\S])",
          "type": "string"
        },
        "options": {
          "description": "The choices.",
          "items": {
            "$ref": "#/$defs/RadioOption"
          },
          "type": "array"
        },
        "ariaLabel": {
          "description": "Accessible name of the group (defaults to `name`).",
          "type": "string"
        },
        "onChangeAction": {
          "$ref": "#/$defs/ActionConfig",
          "description": "Action sent when the choice changes."
        },
        "defaultValue": {
          "description": "Initially chosen value.",
          "type": "string"
        },
        "direction": {
          "description": "Lay options out in a row or a column.",
          "enum": [
            "row",
            "col"
          ],
          "type": "string"
        },
        "disabled": {
          "description": "Cannot be changed.",
          "type": "boolean"
        },
        "required": {
          "description": "A choice is needed to submit.",
          "type": "boolean"
        }
      },
      "required": [
        "type",
        "name"
      ],
      "title": "RadioGroup",
      "type": "object"
    },
    "RadioOption": {
      "additionalProperties": false,
      "description": "An option of a RadioGroup.",
      "properties": {
        "label": {
          "description": "Text shown next to the radio button.",
          "type": "string"
        },
        "value": {
          "description": "Value submitted when chosen.",
          "type": "string"
        },
        "disabled": {
          "description": "The option cannot be chosen.",
          "type": "boolean"
        }
      },
      "required": [
        "label",
        "value"
      ],
      "title": "RadioOption",
      "type": "object"
    },
    "Row": {
      "additionalProperties": false,
      "description": "A horizontal flex container.",
      "properties": {
        "height": {
          "$ref": "#/$defs/Length",
          "description": "Height: px or a CSS length."
        },
        "width": {
          "$ref": "#/$defs/Length",
          "description": "Width: px or a CSS length."
        },
        "size": {
          "$ref": "#/$defs/Length",
          "description": "Width and height at once."
        },
        "minHeight": {
          "$ref": "#/$defs/Length",
          "description": "Minimum height."
        },
        "minWidth": {
          "$ref": "#/$defs/Length",
          "description": "Minimum width."
        },
        "minSize": {
          "$ref": "#/$defs/Length",
          "description": "Minimum width and height."
        },
        "maxHeight": {
          "$ref": "#/$defs/Length",
          "description": "Maximum height."
        },
        "maxWidth": {
          "$ref": "#/$defs/Length",
          "description": "Maximum width."
        },
        "maxSize": {
          "$ref": "#/$defs/Length",
          "description": "Maximum width and height."
        },
        "aspectRatio": {
          "$ref": "#/$defs/AspectRatio",
          "description": "Aspect ratio, such as 1.5 or `16/9`."
        },
        "radius": {
          "description": "Corner radius.",
          "enum": [
            "2xs",
            "xs",
            "sm",
            "md",
            "lg",
            "xl",
            "2xl",
            "3xl",
            "4xl",
            "full",
            "100%",
            "none"
          ],
          "type": "string"
        },
        "margin": {
          "$ref": "#/$defs/SpacingValue",
          "description": "Outer spacing."
        },
        "children": {
          "description": "Components inside the container.",
          "items": {
            "$ref": "#/$defs/WidgetComponent"
          },
          "type": "array"
        },
        "align": {
          "description": "Cross-axis alignment of the children.",
          "enum": [
            "start",
            "center",
            "end",
            "baseline",
            "stretch"
          ],
          "type": "string"
        },
        "justify": {
          "description": "Main-axis distribution of the children.",
          "enum": [
            "start",
            "center",
            "end",
            "between",
            "around",
            "evenly",
            "stretch"
          ],
          "type": "string"
        },
        "wrap": {
          "description": "Whether children wrap onto more lines.",
          "enum": [
            "nowrap",
            "wrap",
            "wrap-reverse"
          ],
          "type": "string"
        },
        "flex": {
          "$ref": "#/$defs/Flex",
          "description": "Flex grow/shrink factor or CSS flex value."
        },
        "gap": {
          "$ref": "#/$defs/Length",
          "description": "Space between children: spacing units or a CSS length."
        },
        "padding": {
          "$ref": "#/$defs/SpacingValue",
          "description": "Inner spacing."
        },
        "border": {
          "$ref": "#/$defs/BorderValue",
          "description": "Border: px, a border object or per-edge borders."
        },
        "background": {
          "$ref": "#/$defs/Background",
          "description": "Background: `surface`, `surface-secondary`, `surface-tertiary`, `surface-elevated`,\n`surface-elevated-secondary`, a primitive token, a CSS color or gradient, or {light, dark}."
        },
        "key": {
          "description": "Stable identity among siblings, for smooth updates.",
          "maxLength": 200,
          "minLength": 1,
          "type": "string"
        },
        "id": {
          "description": "Component id: the target of streamed text (`widget.streaming_text.value_delta`)\nand component updates.",
          "maxLength": 200,
          "minLength": 1,
          "type": "string"
        },
        "type": {
          "const": "Row",
          "type": "string"
        }
      },
      "required": [
        "type"
      ],
      "title": "Row",
      "type": "object"
    },
    "Select": {
      "additionalProperties": false,
      "description": "A dropdown.",
      "properties": {
        "key": {
          "description": "Stable identity among siblings, for smooth updates.",
          "maxLength": 200,
          "minLength": 1,
          "type": "string"
        },
        "id": {
          "description": "Component id: the target of streamed text (`widget.streaming_text.value_delta`)\nand component updates.",
          "maxLength": 200,
          "minLength": 1,
          "type": "string"
        },
        "type": {
          "const": "Select",
          "type": "string"
        },
        "name": {
          "description": "Form field name.",
          "maxLength": 200,
          "pattern": "^(?:(?!(?:__proto__|prototype|constructor)(?![A-Za-z0-9_-]))[A-Za-z0-9_-]+(?:\\.(?!(?:__proto__|prototype|constructor)(?![A-Za-z0-9_-]))[A-Za-z0-9_-]+)*)(?![\\s\\S])",
          "type": "string"
        },
        "options": {
          "description": "The choices.",
          "items": {
            "$ref": "#/$defs/SelectOption"
          },
          "type": "array"
        },
        "onChangeAction": {
          "$ref": "#/$defs/ActionConfig",
          "description": "Action sent when the value changes."
        },
        "placeholder": {
          "description": "Text shown while nothing is chosen.",
          "type": "string"
        },
        "defaultValue": {
          "description": "Initially chosen value.",
          "type": "string"
        },
        "variant": {
          "description": "Visual variant.",
          "enum": [
            "solid",
            "soft",
            "outline",
            "ghost"
          ],
          "type": "string"
        },
        "size": {
          "description": "Control size.",
          "enum": [
            "3xs",
            "2xs",
            "xs",
            "sm",
            "md",
            "lg",
            "xl",
            "2xl",
            "3xl"
          ],
          "type": "string"
        },
        "pill": {
          "description": "Fully rounded ends.",
          "type": "boolean"
        },
        "block": {
          "description": "Full width.",
          "type": "boolean"
        },
        "clearable": {
          "description": "Offer a control that clears the value.",
          "type": "boolean"
        },
        "disabled": {
          "description": "Cannot be changed.",
          "type": "boolean"
        },
        "searchable": {
          "description": "Filter options by typing (on by default above 15 options).",
          "type": "boolean"
        }
      },
      "required": [
        "type",
        "name",
        "options"
      ],
      "title": "Select",
      "type": "object"
    },
    "SelectOption": {
      "additionalProperties": false,
      "description": "An option of a Select.",
      "properties": {
        "value": {
          "description": "Value submitted when chosen.",
          "type": "string"
        },
        "label": {
          "description": "Text shown for the option.",
          "type": "string"
        },
        "disabled": {
          "description": "The option cannot be chosen.",
          "type": "boolean"
        },
        "description": {
          "description": "Secondary text below the label.",
          "type": "string"
        }
      },
      "required": [
        "value",
        "label"
      ],
      "title": "SelectOption",
      "type": "object"
    },
    "Spacer": {
      "additionalProperties": false,
      "description": "Flexible space that pushes siblings apart.",
      "properties": {
        "key": {
          "description": "Stable identity among siblings, for smooth updates.",
          "maxLength": 200,
          "minLength": 1,
          "type": "string"
        },
        "id": {
          "description": "Component id: the target of streamed text (`widget.streaming_text.value_delta`)\nand component updates.",
          "maxLength": 200,
          "minLength": 1,
          "type": "string"
        },
        "type": {
          "const": "Spacer",
          "type": "string"
        },
        "minSize": {
          "$ref": "#/$defs/Length",
          "description": "Minimum size along the container's direction."
        }
      },
      "required": [
        "type"
      ],
      "title": "Spacer",
      "type": "object"
    },
    "Spacing": {
      "additionalProperties": false,
      "description": "Spacing per side; numbers are spacing units, strings CSS lengths.",
      "properties": {
        "top": {
          "$ref": "#/$defs/Length",
          "description": "Top spacing."
        },
        "right": {
          "$ref": "#/$defs/Length",
          "description": "Right spacing."
        },
        "bottom": {
          "$ref": "#/$defs/Length",
          "description": "Bottom spacing."
        },
        "left": {
          "$ref": "#/$defs/Length",
          "description": "Left spacing."
        },
        "x": {
          "$ref": "#/$defs/Length",
          "description": "Left and right spacing."
        },
        "y": {
          "$ref": "#/$defs/Length",
          "description": "Top and bottom spacing."
        }
      },
      "title": "Spacing",
      "type": "object"
    },
    "SpacingValue": {
      "oneOf": [
        {
          "type": "number"
        },
        {
          "maxLength": 200,
          "pattern": "^(?:(?![\\s\\S]*[eE][xX][pP][rR][eE][sS][sS][iI][oO][nN])(?:-?(?:[0-9]+(?:\\.[0-9]+)?|\\.[0-9]+)(?:px|%|r?em|ch|ex|lh|[dsl]?v[hw]|vmin|vmax|cq(?:[whib]|min|max)|pt|fr)?|auto|none|fit-content|min-content|max-content|(?:calc|min|max|clamp)\\([0-9a-z.,%+*/ -]*\\))(?: (?:-?(?:[0-9]+(?:\\.[0-9]+)?|\\.[0-9]+)(?:px|%|r?em|ch|ex|lh|[dsl]?v[hw]|vmin|vmax|cq(?:[whib]|min|max)|pt|fr)?|auto|none|fit-content|min-content|max-content|(?:calc|min|max|clamp)\\([0-9a-z.,%+*/ -]*\\))){0,3})(?![\\s\\S])",
          "type": "string"
        },
        {
          "$ref": "#/$defs/Spacing"
        }
      ]
    },
    "Table": {
      "additionalProperties": false,
      "description": "A table of rows and cells.",
      "properties": {
        "key": {
          "description": "Stable identity among siblings, for smooth updates.",
          "maxLength": 200,
          "minLength": 1,
          "type": "string"
        },
        "id": {
          "description": "Component id: the target of streamed text (`widget.streaming_text.value_delta`)\nand component updates.",
          "maxLength": 200,
          "minLength": 1,
          "type": "string"
        },
        "type": {
          "const": "Table",
          "type": "string"
        },
        "children": {
          "description": "The rows.",
          "items": {
            "$ref": "#/$defs/TableRow"
          },
          "type": "array"
        }
      },
      "required": [
        "type"
      ],
      "title": "Table",
      "type": "object"
    },
    "TableCell": {
      "additionalProperties": false,
      "description": "A cell (only directly inside a Table.Row).",
      "properties": {
        "key": {
          "description": "Stable identity among siblings, for smooth updates.",
          "maxLength": 200,
          "minLength": 1,
          "type": "string"
        },
        "id": {
          "description": "Component id: the target of streamed text (`widget.streaming_text.value_delta`)\nand component updates.",
          "maxLength": 200,
          "minLength": 1,
          "type": "string"
        },
        "type": {
          "const": "Table.Cell",
          "type": "string"
        },
        "children": {
          "description": "Cell content.",
          "items": {
            "$ref": "#/$defs/WidgetComponent"
          },
          "type": "array"
        },
        "width": {
          "$ref": "#/$defs/Length",
          "description": "Cell width."
        },
        "padding": {
          "$ref": "#/$defs/Spacing",
          "description": "Inner spacing per side."
        },
        "colSpan": {
          "description": "Columns spanned.",
          "minimum": 1,
          "type": "integer"
        },
        "rowSpan": {
          "description": "Rows spanned.",
          "minimum": 1,
          "type": "integer"
        },
        "align": {
          "description": "Horizontal alignment.",
          "enum": [
            "start",
            "center",
            "end"
          ],
          "type": "string"
        },
        "vAlign": {
          "description": "Vertical alignment.",
          "enum": [
            "start",
            "center",
            "end"
          ],
          "type": "string"
        },
        "colSize": {
          "description": "Column width preset.",
          "enum": [
            "xs",
            "sm",
            "md",
            "lg",
            "xl"
          ],
          "type": "string"
        }
      },
      "required": [
        "type"
      ],
      "title": "Table.Cell",
      "type": "object"
    },
    "TableRow": {
      "additionalProperties": false,
      "description": "A row (only directly inside a Table).",
      "properties": {
        "key": {
          "description": "Stable identity among siblings, for smooth updates.",
          "maxLength": 200,
          "minLength": 1,
          "type": "string"
        },
        "id": {
          "description": "Component id: the target of streamed text (`widget.streaming_text.value_delta`)\nand component updates.",
          "maxLength": 200,
          "minLength": 1,
          "type": "string"
        },
        "type": {
          "const": "Table.Row",
          "type": "string"
        },
        "children": {
          "description": "The cells.",
          "items": {
            "$ref": "#/$defs/TableCell"
          },
          "type": "array"
        },
        "header": {
          "description": "A header row.",
          "type": "boolean"
        }
      },
      "required": [
        "type"
      ],
      "title": "Table.Row",
      "type": "object"
    },
    "Text": {
      "additionalProperties": false,
      "description": "Plain text with typography controls.",
      "properties": {
        "value": {
          "description": "The text (never interpreted as HTML).",
          "type": "string"
        },
        "color": {
          "$ref": "#/$defs/Color",
          "description": "Text color: `prose`, `primary`, `emphasis`, `secondary`, `tertiary`, `success`,\n`warning`, `danger`, a primitive token, a CSS color or {light, dark}."
        },
        "weight": {
          "description": "Font weight.",
          "enum": [
            "normal",
            "medium",
            "semibold",
            "bold"
          ],
          "type": "string"
        },
        "textAlign": {
          "description": "Horizontal alignment.",
          "enum": [
            "start",
            "center",
            "end"
          ],
          "type": "string"
        },
        "truncate": {
          "description": "Cut overflowing text with an ellipsis.",
          "type": "boolean"
        },
        "maxLines": {
          "description": "Clamp to this many lines.",
          "minimum": 1,
          "type": "integer"
        },
        "key": {
          "description": "Stable identity among siblings, for smooth updates.",
          "maxLength": 200,
          "minLength": 1,
          "type": "string"
        },
        "id": {
          "description": "Component id: the target of streamed text (`widget.streaming_text.value_delta`)\nand component updates.",
          "maxLength": 200,
          "minLength": 1,
          "type": "string"
        },
        "type": {
          "const": "Text",
          "type": "string"
        },
        "streaming": {
          "description": "The value is still streaming in.",
          "type": "boolean"
        },
        "italic": {
          "description": "Italic text.",
          "type": "boolean"
        },
        "lineThrough": {
          "description": "Struck-through text.",
          "type": "boolean"
        },
        "width": {
          "$ref": "#/$defs/Length",
          "description": "Width of the text box."
        },
        "size": {
          "description": "Text size.",
          "enum": [
            "xs",
            "sm",
            "md",
            "lg",
            "xl"
          ],
          "type": "string"
        },
        "minLines": {
          "description": "Reserve room for at least this many lines.",
          "minimum": 1,
          "type": "integer"
        },
        "editable": {
          "$ref": "#/$defs/Editable",
          "description": "Edit the text inline as a form field (`false` or field settings)."
        }
      },
      "required": [
        "value",
        "type"
      ],
      "title": "Text",
      "type": "object"
    },
    "Textarea": {
      "additionalProperties": false,
      "description": "A multi-line text field.",
      "properties": {
        "key": {
          "description": "Stable identity among siblings, for smooth updates.",
          "maxLength": 200,
          "minLength": 1,
          "type": "string"
        },
        "id": {
          "description": "Component id: the target of streamed text (`widget.streaming_text.value_delta`)\nand component updates.",
          "maxLength": 200,
          "minLength": 1,
          "type": "string"
        },
        "name": {
          "description": "Form field name.",
          "maxLength": 200,
          "pattern": "^(?:(?!(?:__proto__|prototype|constructor)(?![A-Za-z0-9_-]))[A-Za-z0-9_-]+(?:\\.(?!(?:__proto__|prototype|constructor)(?![A-Za-z0-9_-]))[A-Za-z0-9_-]+)*)(?![\\s\\S])",
          "type": "string"
        },
        "defaultValue": {
          "description": "Initial value.",
          "type": "string"
        },
        "required": {
          "description": "Must be filled in.",
          "type": "boolean"
        },
        "pattern": {
          "description": "Regular expression the value must match.",
          "maxLength": 1000,
          "type": "string"
        },
        "placeholder": {
          "description": "Placeholder text.",
          "type": "string"
        },
        "allowAutofillExtensions": {
          "description": "Allow password managers and autofill extensions.",
          "type": "boolean"
        },
        "autoSelect": {
          "description": "Select the contents when shown.",
          "type": "boolean"
        },
        "autoFocus": {
          "description": "Focus the field when shown.",
          "type": "boolean"
        },
        "disabled": {
          "description": "Cannot be edited.",
          "type": "boolean"
        },
        "variant": {
          "description": "Visual style.",
          "enum": [
            "soft",
            "outline"
          ],
          "type": "string"
        },
        "size": {
          "description": "Field size.",
          "enum": [
            "3xs",
            "2xs",
            "xs",
            "sm",
            "md",
            "lg",
            "xl",
            "2xl",
            "3xl"
          ],
          "type": "string"
        },
        "gutterSize": {
          "description": "Inner horizontal padding, overriding `size`.",
          "enum": [
            "2xs",
            "xs",
            "sm",
            "md",
            "lg",
            "xl"
          ],
          "type": "string"
        },
        "type": {
          "const": "Textarea",
          "type": "string"
        },
        "rows": {
          "description": "Visible rows.",
          "minimum": 1,
          "type": "integer"
        },
        "autoResize": {
          "description": "Grow and shrink with the content.",
          "type": "boolean"
        },
        "maxRows": {
          "description": "Most rows when auto-resizing.",
          "minimum": 1,
          "type": "integer"
        }
      },
      "required": [
        "name",
        "type"
      ],
      "title": "Textarea",
      "type": "object"
    },
    "ThemeBackground": {
      "additionalProperties": false,
      "description": "A background per color scheme.",
      "properties": {
        "light": {
          "description": "Background used in the light scheme.",
          "maxLength": 500,
          "pattern": "^(?:(?![\\s\\S]*[eE][xX][pP][rR][eE][sS][sS][iI][oO][nN])(?:#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})|(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\\([0-9a-z.,%/ +-]*\\)|[a-zA-Z]+(?:-[a-zA-Z0-9]+)*|(?:repeating-)?(?:linear|radial|conic)-gradient\\((?:[0-9a-zA-Z.,%/ #+-]|(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\\([0-9a-z.,%/ +-]*\\))*\\)))(?![\\s\\S])",
          "type": "string"
        },
        "dark": {
          "description": "Background used in the dark scheme.",
          "maxLength": 500,
          "pattern": "^(?:(?![\\s\\S]*[eE][xX][pP][rR][eE][sS][sS][iI][oO][nN])(?:#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})|(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\\([0-9a-z.,%/ +-]*\\)|[a-zA-Z]+(?:-[a-zA-Z0-9]+)*|(?:repeating-)?(?:linear|radial|conic)-gradient\\((?:[0-9a-zA-Z.,%/ #+-]|(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\\([0-9a-z.,%/ +-]*\\))*\\)))(?![\\s\\S])",
          "type": "string"
        }
      },
      "required": [
        "light",
        "dark"
      ],
      "title": "ThemeBackground",
      "type": "object"
    },
    "ThemeColor": {
      "additionalProperties": false,
      "description": "A color per color scheme.",
      "properties": {
        "light": {
          "description": "Color used in the light scheme.",
          "maxLength": 200,
          "pattern": "^(?:(?![\\s\\S]*[eE][xX][pP][rR][eE][sS][sS][iI][oO][nN])(?:#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})|(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\\([0-9a-z.,%/ +-]*\\)|[a-zA-Z]+(?:-[a-zA-Z0-9]+)*))(?![\\s\\S])",
          "type": "string"
        },
        "dark": {
          "description": "Color used in the dark scheme.",
          "maxLength": 200,
          "pattern": "^(?:(?![\\s\\S]*[eE][xX][pP][rR][eE][sS][sS][iI][oO][nN])(?:#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})|(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\\([0-9a-z.,%/ +-]*\\)|[a-zA-Z]+(?:-[a-zA-Z0-9]+)*))(?![\\s\\S])",
          "type": "string"
        }
      },
      "required": [
        "light",
        "dark"
      ],
      "title": "ThemeColor",
      "type": "object"
    },
    "Title": {
      "additionalProperties": false,
      "description": "A heading.",
      "properties": {
        "value": {
          "description": "The text (never interpreted as HTML).",
          "type": "string"
        },
        "color": {
          "$ref": "#/$defs/Color",
          "description": "Text color: `prose`, `primary`, `emphasis`, `secondary`, `tertiary`, `success`,\n`warning`, `danger`, a primitive token, a CSS color or {light, dark}."
        },
        "weight": {
          "description": "Font weight.",
          "enum": [
            "normal",
            "medium",
            "semibold",
            "bold"
          ],
          "type": "string"
        },
        "textAlign": {
          "description": "Horizontal alignment.",
          "enum": [
            "start",
            "center",
            "end"
          ],
          "type": "string"
        },
        "truncate": {
          "description": "Cut overflowing text with an ellipsis.",
          "type": "boolean"
        },
        "maxLines": {
          "description": "Clamp to this many lines.",
          "minimum": 1,
          "type": "integer"
        },
        "key": {
          "description": "Stable identity among siblings, for smooth updates.",
          "maxLength": 200,
          "minLength": 1,
          "type": "string"
        },
        "id": {
          "description": "Component id: the target of streamed text (`widget.streaming_text.value_delta`)\nand component updates.",
          "maxLength": 200,
          "minLength": 1,
          "type": "string"
        },
        "type": {
          "const": "Title",
          "type": "string"
        },
        "size": {
          "description": "Heading size.",
          "enum": [
            "sm",
            "md",
            "lg",
            "xl",
            "2xl",
            "3xl",
            "4xl",
            "5xl"
          ],
          "type": "string"
        }
      },
      "required": [
        "value",
        "type"
      ],
      "title": "Title",
      "type": "object"
    },
    "Transition": {
      "additionalProperties": false,
      "description": "Animates layout changes of its single child.",
      "properties": {
        "key": {
          "description": "Stable identity among siblings, for smooth updates.",
          "maxLength": 200,
          "minLength": 1,
          "type": "string"
        },
        "id": {
          "description": "Component id: the target of streamed text (`widget.streaming_text.value_delta`)\nand component updates.",
          "maxLength": 200,
          "minLength": 1,
          "type": "string"
        },
        "type": {
          "const": "Transition",
          "type": "string"
        },
        "children": {
          "$ref": "#/$defs/WidgetComponent",
          "description": "The one animated child."
        }
      },
      "required": [
        "type",
        "children"
      ],
      "title": "Transition",
      "type": "object"
    },
    "WidgetComponent": {
      "allOf": [
        {
          "if": {
            "properties": {
              "type": {
                "const": "Box"
              }
            },
            "required": [
              "type"
            ]
          },
          "then": {
            "$ref": "#/$defs/Box"
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "Row"
              }
            },
            "required": [
              "type"
            ]
          },
          "then": {
            "$ref": "#/$defs/Row"
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "Col"
              }
            },
            "required": [
              "type"
            ]
          },
          "then": {
            "$ref": "#/$defs/Col"
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "Form"
              }
            },
            "required": [
              "type"
            ]
          },
          "then": {
            "$ref": "#/$defs/Form"
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "Spacer"
              }
            },
            "required": [
              "type"
            ]
          },
          "then": {
            "$ref": "#/$defs/Spacer"
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "Divider"
              }
            },
            "required": [
              "type"
            ]
          },
          "then": {
            "$ref": "#/$defs/Divider"
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "Transition"
              }
            },
            "required": [
              "type"
            ]
          },
          "then": {
            "$ref": "#/$defs/Transition"
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "Text"
              }
            },
            "required": [
              "type"
            ]
          },
          "then": {
            "$ref": "#/$defs/Text"
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "Title"
              }
            },
            "required": [
              "type"
            ]
          },
          "then": {
            "$ref": "#/$defs/Title"
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "Caption"
              }
            },
            "required": [
              "type"
            ]
          },
          "then": {
            "$ref": "#/$defs/Caption"
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "Markdown"
              }
            },
            "required": [
              "type"
            ]
          },
          "then": {
            "$ref": "#/$defs/Markdown"
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "Label"
              }
            },
            "required": [
              "type"
            ]
          },
          "then": {
            "$ref": "#/$defs/Label"
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "Badge"
              }
            },
            "required": [
              "type"
            ]
          },
          "then": {
            "$ref": "#/$defs/Badge"
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "Icon"
              }
            },
            "required": [
              "type"
            ]
          },
          "then": {
            "$ref": "#/$defs/Icon"
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "Image"
              }
            },
            "required": [
              "type"
            ]
          },
          "then": {
            "$ref": "#/$defs/Image"
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "Button"
              }
            },
            "required": [
              "type"
            ]
          },
          "then": {
            "$ref": "#/$defs/Button"
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "Input"
              }
            },
            "required": [
              "type"
            ]
          },
          "then": {
            "$ref": "#/$defs/Input"
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "Textarea"
              }
            },
            "required": [
              "type"
            ]
          },
          "then": {
            "$ref": "#/$defs/Textarea"
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "Select"
              }
            },
            "required": [
              "type"
            ]
          },
          "then": {
            "$ref": "#/$defs/Select"
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "DatePicker"
              }
            },
            "required": [
              "type"
            ]
          },
          "then": {
            "$ref": "#/$defs/DatePicker"
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "Checkbox"
              }
            },
            "required": [
              "type"
            ]
          },
          "then": {
            "$ref": "#/$defs/Checkbox"
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "RadioGroup"
              }
            },
            "required": [
              "type"
            ]
          },
          "then": {
            "$ref": "#/$defs/RadioGroup"
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "Chart"
              }
            },
            "required": [
              "type"
            ]
          },
          "then": {
            "$ref": "#/$defs/Chart"
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "Table"
              }
            },
            "required": [
              "type"
            ]
          },
          "then": {
            "$ref": "#/$defs/Table"
          }
        }
      ],
      "properties": {
        "type": {
          "enum": [
            "Box",
            "Row",
            "Col",
            "Form",
            "Spacer",
            "Divider",
            "Transition",
            "Text",
            "Title",
            "Caption",
            "Markdown",
            "Label",
            "Badge",
            "Icon",
            "Image",
            "Button",
            "Input",
            "Textarea",
            "Select",
            "DatePicker",
            "Checkbox",
            "RadioGroup",
            "Chart",
            "Table"
          ]
        }
      },
      "required": [
        "type"
      ],
      "type": "object"
    },
    "WidgetStatus": {
      "oneOf": [
        {
          "$ref": "#/$defs/FaviconStatus"
        },
        {
          "$ref": "#/$defs/IconStatus"
        }
      ]
    },
    "XAxis": {
      "additionalProperties": false,
      "description": "X axis settings of a chart.",
      "properties": {
        "dataKey": {
          "description": "Field of each data row used for the categories.",
          "type": "string"
        },
        "hide": {
          "description": "Hide the axis line, ticks and labels.",
          "type": "boolean"
        },
        "labels": {
          "additionalProperties": {
            "type": "string"
          },
          "description": "Display labels per tick value.",
          "type": "object"
        }
      },
      "required": [
        "dataKey"
      ],
      "title": "XAxis",
      "type": "object"
    },
    "XAxisValue": {
      "oneOf": [
        {
          "type": "string"
        },
        {
          "$ref": "#/$defs/XAxis"
        }
      ]
    }
  },
  "allOf": [
    {
      "if": {
        "properties": {
          "type": {
            "const": "Card"
          }
        },
        "required": [
          "type"
        ]
      },
      "then": {
        "$ref": "#/$defs/Card"
      }
    },
    {
      "if": {
        "properties": {
          "type": {
            "const": "ListView"
          }
        },
        "required": [
          "type"
        ]
      },
      "then": {
        "$ref": "#/$defs/ListView"
      }
    },
    {
      "if": {
        "properties": {
          "type": {
            "const": "Basic"
          }
        },
        "required": [
          "type"
        ]
      },
      "then": {
        "$ref": "#/$defs/Basic"
      }
    }
  ],
  "properties": {
    "type": {
      "enum": [
        "Card",
        "ListView",
        "Basic"
      ]
    }
  },
  "required": [
    "type"
  ],
  "type": "object"
};
export const limits = {maxBytes: 262144, maxDepth: 32, maxNodes: 2000};
