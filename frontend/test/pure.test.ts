// Unit tests of the DOM-free modules (decoding, colour scales, CSV, dead units).
// Run with `npm test` (esbuild bundles this file for Node's test runner).
import assert from "node:assert/strict";
import { test } from "node:test";
import { decodeFloat32, decodeGradientFlow, flowValue, parseShape } from "../src/api";
import { accuracy, classStats, confusedPairs, namesFor, normaliseRows, percent, rankDescending } from "../src/classes";
import { autoScale, colorInto, INF_RGB, logScale, NAN_RGB, position, rangeOf } from "../src/colormap";
import * as THREE from "three";
import { arrayCSV, csvText, tableCSV } from "../src/export";
import { gridIndex, vertexNormals } from "../src/grid";
import { blockLabel, deadColumns, stripsToMatrix } from "../src/panels/activations";
import { evidenceParts } from "../src/panels/health";
import { formatCount, formatShape, joinLayers, modelOf, tableTagFor } from "../src/panels/layers";
import { nearestIndex } from "../src/stepper";

function littleEndian(values: number[]): ArrayBuffer {
  const view = new DataView(new ArrayBuffer(values.length * 4));
  values.forEach((v, i) => view.setFloat32(i * 4, v, true));
  return view.buffer;
}

test("float32 bytes decode little-endian, NaN and Inf kept", () => {
  const out = decodeFloat32(littleEndian([1.5, -2, NaN, Infinity]));
  assert.deepEqual(Array.from(out.slice(0, 2)), [1.5, -2]);
  assert.ok(Number.isNaN(out[2]));
  assert.equal(out[3], Infinity);
});

test("X-Tbviz-Shape parses and refuses garbage", () => {
  assert.deepEqual(parseShape("256,256"), [256, 256]);
  assert.deepEqual(parseShape("3, 4, 5"), [3, 4, 5]);
  assert.throws(() => parseShape("a,b"));
  assert.throws(() => parseShape(null));
});

test("binary gradient flow: JSON head, padding to 4, float32 table", () => {
  const head = { layers: ["a", "b"], stats: ["mean_abs"], steps: [0, 10, 20], wall_times: [1, 2, 3] };
  const json = new TextEncoder().encode(JSON.stringify(head));
  const pad = (4 - ((4 + json.length) % 4)) % 4;
  const table = littleEndian([1, 2, 3, 4, 5, NaN]);
  const bytes = new Uint8Array(4 + json.length + pad + table.byteLength);
  new DataView(bytes.buffer).setUint32(0, json.length, true);
  bytes.set(json, 4);
  bytes.set(new Uint8Array(table), 4 + json.length + pad);
  const flow = decodeGradientFlow(bytes.buffer, "3,2,1");
  assert.deepEqual(flow.layers, ["a", "b"]);
  assert.equal(flowValue(flow, 1, 1, 0), 4);
  assert.ok(Number.isNaN(flowValue(flow, 2, 1, 0)));
  assert.throws(() => decodeGradientFlow(bytes.buffer, "4,2,1"));
});

test("ranges count NaN and Inf; signed data gets a symmetric diverging scale", () => {
  const r = rangeOf(new Float32Array([-1, 3, NaN, Infinity, -Infinity, 0]));
  assert.deepEqual([r.min, r.max, r.nan, r.posInf, r.negInf, r.zeros], [-1, 3, 1, 1, 1, 1]);
  const s = autoScale(r);
  assert.equal(s.kind, "diverging");
  assert.deepEqual([s.min, s.max], [-3, 3]);
  assert.equal(autoScale(rangeOf([0, 2])).kind, "sequential");
});

test("log scale spans the positive values; NaN and Inf get their own colours", () => {
  const s = logScale(rangeOf([1e-8, 1e-2, 0]));
  assert.equal(position(s, 1e-8), 0);
  assert.equal(position(s, 1e-2), 1);
  assert.ok(Number.isNaN(position(s, 0)));
  const c = new Uint8Array(3);
  colorInto(s, NaN, c, 0);
  assert.deepEqual(Array.from(c), NAN_RGB);
  colorInto(s, -Infinity, c, 0);
  assert.deepEqual(Array.from(c), INF_RGB);
});

test("CSV: arrays with a header, names quoted", () => {
  assert.equal(arrayCSV(new Float32Array([1, NaN, Infinity, -2]), [2, 2]), "row,col_0,col_1\n0,1,NaN\n1,Inf,-2\n");
  assert.equal(arrayCSV(new Float32Array([1, 2]), [2, 1, 1]), "channel,row,col_0\n0,0,1\n1,0,2\n");
  assert.equal(csvText('a,"b"'), '"a,""b"""');
  assert.equal(tableCSV("layer", ["0", "10"], [["x,y", new Float32Array([1, 2])]]), 'layer,0,10\n"x,y",1,2\n');
});

test("dead units are columns that are 0 for every sample", () => {
  assert.deepEqual(deadColumns([0, 1, 0, 0, 2, 0], 2, 3), [true, false, true]);
  assert.deepEqual(deadColumns([], 0, 2), [false, false]);
});

test("a sequence's channel strips become a positions x channels matrix", () => {
  // 2 channels of 3 positions: channel 0 = [1, 2, 3], channel 1 = [0, 0, 0] (dead)
  const matrix = stripsToMatrix([1, 2, 3, 0, 0, 0], 2, 3);
  assert.deepEqual(Array.from(matrix), [1, 0, 2, 0, 3, 0]);
  assert.deepEqual(deadColumns(matrix, 3, 2), [false, true]);
});

test("a pooled column names the block of channels it stands for", () => {
  assert.equal(blockLabel("channel", 7, 24, 24), "channel 7");
  assert.equal(blockLabel("channel", 7, 24, undefined), "channel 7");
  // 768 channels pooled into 256 columns: blocks of 3
  assert.equal(blockLabel("channel", 233, 256, 768), "channels 699–701");
  // 600 positions into 200 rows, the last block ragged: 10 into 4 rows of 3
  assert.equal(blockLabel("position", 3, 4, 10), "position 9");
});

test("nearest kept step", () => {
  assert.equal(nearestIndex([0, 10, 20], 14), 1);
  assert.equal(nearestIndex([0, 10, 20], 99), 2);
});

test("layer table: model of a tag, its table tag, and the join with gradient flow by name", () => {
  assert.equal(modelOf("mlp/gradient_flow", "gradient_flow"), "mlp");
  assert.equal(modelOf("mlp/layers", "layer_table"), "mlp");
  assert.equal(tableTagFor("mlp/gradient_flow", ["cnn/layers", "mlp/layers"], ["cnn/gradient_flow", "mlp/gradient_flow"]), "mlp/layers");
  assert.equal(tableTagFor("flow", ["model/layers"], ["flow"]), "model/layers");
  assert.equal(tableTagFor("a/gradient_flow", ["b/layers"], ["a/gradient_flow", "b/gradient_flow"]), null);
  const rows = [
    { name: "conv", type: "Conv2D", output_shape: [null, 26, 26, 8], params: 80 },
    { name: "relu", type: "ReLU", output_shape: null, params: 0 },
  ];
  assert.deepEqual(
    joinLayers(rows, ["extra", "conv"]).map((r) => [r.name, r.flowIndex, r.info?.type ?? null]),
    [["conv", 1, "Conv2D"], ["relu", -1, "ReLU"], ["extra", 0, null]],
  );
  assert.deepEqual(joinLayers(null, ["a", "b"]).map((r) => [r.name, r.flowIndex]), [["a", 0], ["b", 1]]);
  assert.equal(formatShape([null, 26, 26, 8]), "(None, 26, 26, 8)");
  assert.equal(formatShape([10]), "(10,)");
  assert.equal(formatShape(null), "");
  assert.equal(formatCount(54090), "54,090");
  assert.equal(formatCount(undefined), "");
});

// Rows true, columns predicted: 3 classes, class 2 never predicted.
const CONFUSION = [
  5, 1, 0,
  2, 6, 0,
  3, 1, 0,
];

test("precision and recall per class; a class never predicted has no precision", () => {
  const stats = classStats(CONFUSION, 3);
  assert.deepEqual(stats.map((s) => [s.support, s.predicted, s.correct]), [[6, 10, 5], [8, 8, 6], [4, 0, 0]]);
  assert.equal(stats[0].precision, 5 / 10);
  assert.equal(stats[0].recall, 5 / 6);
  assert.equal(stats[1].precision, 6 / 8);
  assert.equal(stats[1].recall, 6 / 8);
  assert.ok(Number.isNaN(stats[2].precision));
  assert.equal(stats[2].recall, 0);
  assert.equal(accuracy(CONFUSION, 3), 11 / 18);
  assert.ok(Number.isNaN(accuracy([0, 0, 0, 0], 2)));
  assert.throws(() => classStats([1, 2, 3], 2), /2 × 2 confusion matrix needs 4 values/);
});

test("confused pairs: off-diagonal cells, largest first, ties by the share of the true class", () => {
  const pairs = confusedPairs(CONFUSION, 3);
  assert.deepEqual(pairs.map((p) => [p.actual, p.predicted, p.count]), [[2, 0, 3], [1, 0, 2], [2, 1, 1], [0, 1, 1]]);
  assert.equal(pairs[0].rate, 3 / 4);
  // [2, 1] (1 of 4) before [0, 1] (1 of 6)
  assert.equal(pairs[2].rate, 1 / 4);
  assert.equal(confusedPairs(CONFUSION, 3, 2).length, 2);
  assert.deepEqual(confusedPairs([4, 0, 0, 4], 2), []);
  // NaN is no confusion; Inf is the largest
  const odd = confusedPairs([1, NaN, Infinity, 1], 2);
  assert.deepEqual(odd.map((p) => [p.actual, p.predicted, p.count]), [[1, 0, Infinity]]);
});

test("rows normalised to shares; empty rows stay 0, rows with NaN or Inf become NaN", () => {
  const shares = normaliseRows(CONFUSION, 3);
  assert.deepEqual(Array.from(shares.slice(0, 3)), [5 / 6, 1 / 6, 0].map((v) => Math.fround(v)));
  assert.deepEqual(Array.from(normaliseRows([0, 0, 1, 3], 2)), [0, 0, 0.25, 0.75]);
  const odd = normaliseRows([1, NaN, 2, 2], 2);
  assert.ok(Number.isNaN(odd[0]) && Number.isNaN(odd[1]));
  assert.deepEqual(Array.from(odd.slice(2)), [0.5, 0.5]);
});

test("names: the given list when it names every item, else indices", () => {
  assert.deepEqual(namesFor(["cat", "dog"], 2), ["cat", "dog"]);
  assert.deepEqual(namesFor(["cat"], 2), ["0", "1"]);
  assert.deepEqual(namesFor(undefined, 3), ["0", "1", "2"]);
  assert.deepEqual(namesFor([1, 2], 2), ["1", "2"]);
});

test("features ranked by importance, NaN last", () => {
  assert.deepEqual(rankDescending([0.1, NaN, 0.5, 0.1, Infinity]), [4, 2, 0, 3, 1]);
  assert.deepEqual(rankDescending([]), []);
});

test("shares as percentages, undefined ones as a dash", () => {
  assert.equal(percent(5 / 6), "83.3%");
  assert.equal(percent(1), "100.0%");
  assert.equal(percent(NaN), "—");
});

test("grid mesh: two triangles per cell, normals as three.js computes them", () => {
  assert.deepEqual(Array.from(gridIndex(2, 3)), [0, 3, 1, 1, 3, 4, 1, 4, 2, 2, 4, 5]);
  const R = 7;
  const C = 5;
  const position = new Float32Array(R * C * 3);
  for (let k = 0; k < R * C; k++) {
    position.set([k % C, Math.floor(k / C), Math.sin(k * 1.7) * 3], k * 3);
  }
  const index = gridIndex(R, C);
  const normal = new Float32Array(R * C * 3);
  vertexNormals(position, index, normal);
  const geometry = new THREE.BufferGeometry();
  geometry.setAttribute("position", new THREE.BufferAttribute(position, 3));
  geometry.setIndex(new THREE.BufferAttribute(index, 1));
  geometry.computeVertexNormals();
  const expected = geometry.getAttribute("normal").array;
  normal.forEach((v, i) => assert.ok(Math.abs(v - expected[i]) < 1e-6, `normal ${i}: ${v} vs ${expected[i]}`));
});

test("evidenceParts: the window, logs and loss first, then the figures compared", () => {
  const evidence = {
    ratio: 1.4e-7,
    later_layer: "head",
    window: [5, 15],
    logged_steps: 2,
    loss: { first: 2.3, last: 2.31, start: 2.3, points: 7, state: "flat" },
    settled_l2: null,
  };
  const parts = evidenceParts(evidence);
  assert.deepEqual(parts.slice(0, 3), ["steps 5–15", "2 logs", "loss flat 2.3 → 2.31"]);
  assert.ok(parts.includes("later layer head"));
  assert.ok(parts.some((p) => p.startsWith("ratio 1.4")));
  assert.equal(parts.length, 5); // null left out
  assert.deepEqual(evidenceParts({ window: [3, 3], logged_steps: 1 }), ["step 3", "1 log"]);
  assert.deepEqual(evidenceParts({ classes: ["a", "b", "c", "d", "e", "f", "g"] }), ["classes a, b, c, d, e, f, …"]);
  assert.deepEqual(evidenceParts(undefined), []);
});
