/** Tests for the lint rule no-self-assign. */
import { testRule } from "../../support/rule-tester.js";

testRule("no-self-assign", {
  valid: [
    `Integer a = 1;\nInteger b = 2;\na = b;\na += a;\n`,
    `struct Counter {\n  Integer total;\n  Void reset(Integer total) { this.total = total; }\n};\n`,
    `struct Point { Integer x; };\nPoint a;\nPoint b;\na.x = b.x;\n`,
    `Integer[] xs;\nInteger i = 0;\nInteger j = 1;\nxs[i] = xs[j];\nxs[0] = xs[1];\n`,
    // An index that is computed is not compared: it could differ between the two sides.
    `Integer[] xs;\nxs[xs.length() - 1] = xs[xs.length() - 1];\n`,
    `struct Point { Integer x; Integer y; };\nPoint a;\na.x = a.y;\n`,
  ],
  invalid: [
    `Integer count = 1;
  count = count;
//^^^^^^^^^^^^^ warning no-self-assign: 'count' is assigned to itself, which does nothing: remove the assignment
  count = (count);
//^^^^^^^^^^^^^^^ warning no-self-assign: 'count'
`,
    `struct Counter {
  Integer total;
  Void reset(Integer total) {
    this.total = this.total;
//  ^^^^^^^^^^^^^^^^^^^^^^^ warning no-self-assign: 'this.total' is assigned to itself
  }
};
`,
    `struct Line { Float price; };
struct Order { Line line; Line[] lines; };
Order order;
Integer i = 0;
  order.line.price = order.line.price;
//^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning no-self-assign: 'order.line.price'
  order.lines[i] = order.lines[i];
//^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning no-self-assign: 'order.lines[i]'
  order.lines[0].price = order.lines[0].price;
//^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning no-self-assign
for (Integer j = 0; j < 3; j = j) { }
//                         ^^^^^ warning no-self-assign: 'j'
`,
  ],
});
