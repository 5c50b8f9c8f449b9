// A matrix as a 3-D surface (three.js): height and colour are the value.
// One scene per view; the geometry is allocated once per shape and its
// BufferAttributes rewritten in place when the data changes; a frame is
// rendered only when something changed (data, camera, size), never in a loop.
import * as THREE from "three";
import { OrbitControls } from "three/examples/jsm/controls/OrbitControls.js";
import { colorInto, type Scale } from "./colormap";
import { el } from "./dom";
import { gridIndex, vertexNormals } from "./grid";

const HEIGHT = 0.6; // half the z extent, in scene units (the surface spans about 2 × 2)

/** sRGB byte → linear float, since three.js treats vertex colours as linear. */
const SRGB_TO_LINEAR = new Float32Array(256);
for (let i = 0; i < 256; i++) {
  const c = i / 255;
  SRGB_TO_LINEAR[i] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
}

export class Surface {
  readonly element: HTMLDivElement;
  private readonly renderer: THREE.WebGLRenderer;
  private readonly scene = new THREE.Scene();
  private readonly camera = new THREE.PerspectiveCamera(38, 1, 0.01, 100);
  private readonly controls: OrbitControls;
  private readonly raycaster = new THREE.Raycaster();
  private readonly pointer = new THREE.Vector2();
  private readonly marker: THREE.Mesh;
  private readonly floor = new THREE.Group();
  // One material for every geometry the view gets: its shaders are compiled once (see warmUp).
  private readonly material = new THREE.MeshLambertMaterial({ vertexColors: true, side: THREE.DoubleSide });
  private mesh: THREE.Mesh | null = null;
  private geometry: THREE.BufferGeometry | null = null;
  private values: ArrayLike<number> = new Float32Array(0);
  private rows = 0;
  private cols = 0;
  private gridRows = 0;
  private gridCols = 0;
  private frame = 0;
  private hoverFrame = 0;
  private lastPointer: { x: number; y: number } | null = null;
  private readonly rgb = new Uint8Array(3);
  onHover: (row: number, col: number, value: number) => void = () => {};
  onLeave: () => void = () => {};

  constructor(width: number, height: number) {
    this.renderer = new THREE.WebGLRenderer({ antialias: false, preserveDrawingBuffer: true });
    // No MSAA: a 256×256 surface has 130k triangles, and without a GPU (headless,
    // software GL) multisampling quadruples the cost of every frame.
    this.renderer.setPixelRatio(Math.min(2, window.devicePixelRatio || 1));
    this.renderer.setClearColor(0xffffff, 1);
    this.element = el("div", { cls: "surface-box" }, [this.renderer.domElement]);
    this.renderer.domElement.className = "surface";
    this.camera.up.set(0, 0, 1);
    this.camera.position.set(0.2, -2.7, 2.3);
    this.controls = new OrbitControls(this.camera, this.renderer.domElement);
    this.controls.enableDamping = false; // damping would need a render loop
    this.controls.minDistance = 0.6;
    this.controls.maxDistance = 12;
    this.controls.addEventListener("change", () => this.requestRender());

    this.scene.add(new THREE.AmbientLight(0xffffff, 2.2));
    const sun = new THREE.DirectionalLight(0xffffff, 1.4);
    sun.position.set(1, -1.5, 3);
    this.scene.add(sun);
    this.marker = new THREE.Mesh(
      new THREE.SphereGeometry(0.025, 12, 8),
      new THREE.MeshBasicMaterial({ color: 0xf57c00 }),
    );
    this.marker.visible = false;
    this.scene.add(this.marker, this.floor);

    const canvas = this.renderer.domElement;
    canvas.addEventListener("pointermove", (e) => {
      const rect = canvas.getBoundingClientRect();
      this.lastPointer = { x: e.clientX - rect.left, y: e.clientY - rect.top };
      if (!this.hoverFrame) this.hoverFrame = requestAnimationFrame(() => this.pick());
    });
    canvas.addEventListener("pointerleave", () => {
      this.lastPointer = null;
      this.marker.visible = false;
      this.requestRender();
      this.onLeave();
    });
    this.resize(width, height);
  }

  resize(width: number, height: number): void {
    this.renderer.setSize(width, height);
    this.camera.aspect = width / Math.max(1, height);
    this.camera.updateProjectionMatrix();
    this.requestRender();
  }

  /**
   * Shows `values` ([rows, cols], row-major). `zScale` is the |value| drawn at
   * full height, shared by views that are compared.
   */
  set(values: ArrayLike<number>, rows: number, cols: number, scale: Scale, zScale: number): void {
    this.values = values;
    this.rows = rows;
    this.cols = cols;
    // A vector (one row or column) is drawn as a strip two vertices wide.
    const R = Math.max(rows, 2);
    const C = Math.max(cols, 2);
    if (!this.geometry || R !== this.gridRows || C !== this.gridCols) this.build(R, C);
    const geometry = this.geometry!;
    const position = geometry.getAttribute("position") as THREE.BufferAttribute;
    const color = geometry.getAttribute("color") as THREE.BufferAttribute;
    const p = position.array as Float32Array;
    const c = color.array as Float32Array;
    const z = HEIGHT / (zScale > 0 && Number.isFinite(zScale) ? zScale : 1);
    for (let i = 0; i < R; i++) {
      const r = Math.min(i, rows - 1);
      for (let j = 0; j < C; j++) {
        const v = values[r * cols + Math.min(j, cols - 1)];
        const k = i * C + j;
        p[k * 3 + 2] = v !== v ? 0 : Math.max(-HEIGHT, Math.min(HEIGHT, v * z));
        colorInto(scale, v, this.rgb, 0);
        c[k * 3] = SRGB_TO_LINEAR[this.rgb[0]];
        c[k * 3 + 1] = SRGB_TO_LINEAR[this.rgb[1]];
        c[k * 3 + 2] = SRGB_TO_LINEAR[this.rgb[2]];
      }
    }
    position.needsUpdate = true;
    color.needsUpdate = true;
    const normal = geometry.getAttribute("normal") as THREE.BufferAttribute;
    vertexNormals(p, geometry.getIndex()!.array as Uint32Array, normal.array as Float32Array);
    normal.needsUpdate = true;
    this.marker.visible = false;
    this.render(); // not at the next animation frame: the GPU starts on the picture at once
  }

  private build(R: number, C: number): void {
    this.geometry?.dispose();
    if (this.mesh) this.scene.remove(this.mesh);
    this.gridRows = R;
    this.gridCols = C;
    const aspect = this.rows / Math.max(1, this.cols);
    const width = 2 * Math.min(1, Math.max(0.3, 1 / aspect));
    const depth = 2 * Math.min(1, Math.max(0.3, aspect));
    const positions = new Float32Array(R * C * 3);
    for (let i = 0; i < R; i++) {
      for (let j = 0; j < C; j++) {
        const k = (i * C + j) * 3;
        positions[k] = (j / (C - 1) - 0.5) * width;
        positions[k + 1] = (0.5 - i / (R - 1)) * depth;
      }
    }
    const index = gridIndex(R, C);
    const geometry = new THREE.BufferGeometry();
    geometry.setAttribute("position", new THREE.BufferAttribute(positions, 3).setUsage(THREE.DynamicDrawUsage));
    geometry.setAttribute("color", new THREE.BufferAttribute(new Float32Array(R * C * 3), 3).setUsage(THREE.DynamicDrawUsage));
    geometry.setAttribute("normal", new THREE.BufferAttribute(new Float32Array(R * C * 3), 3).setUsage(THREE.DynamicDrawUsage));
    geometry.setIndex(new THREE.BufferAttribute(index, 1));
    // The heights are clamped to ±HEIGHT (set): the bounds are known without a pass over the vertices.
    geometry.boundingBox = new THREE.Box3(new THREE.Vector3(-width / 2, -depth / 2, -HEIGHT), new THREE.Vector3(width / 2, depth / 2, HEIGHT));
    geometry.boundingSphere = geometry.boundingBox.getBoundingSphere(new THREE.Sphere());
    this.geometry = geometry;
    this.mesh = new THREE.Mesh(geometry, this.material);
    this.scene.add(this.mesh);
    this.buildFloor(width, depth);
  }

  /** A grid under the surface and a frame at zero height, to read heights against. */
  private buildFloor(width: number, depth: number): void {
    this.clearFloor();
    const lines: number[] = [];
    const z = -HEIGHT - 0.02;
    for (let t = 0; t <= 8; t++) {
      const x = (t / 8 - 0.5) * width;
      const y = (t / 8 - 0.5) * depth;
      lines.push(x, -depth / 2, z, x, depth / 2, z, -width / 2, y, z, width / 2, y, z);
    }
    const floorGeometry = new THREE.BufferGeometry();
    floorGeometry.setAttribute("position", new THREE.Float32BufferAttribute(lines, 3));
    this.floor.add(new THREE.LineSegments(floorGeometry, new THREE.LineBasicMaterial({ color: 0xcfd8dc })));
    const w = width / 2;
    const d = depth / 2;
    const edges = [-w, -d, z, -w, -d, HEIGHT, w, -d, z, w, -d, HEIGHT, -w, d, z, -w, d, HEIGHT, w, d, z, w, d, HEIGHT];
    const edgeGeometry = new THREE.BufferGeometry();
    edgeGeometry.setAttribute("position", new THREE.Float32BufferAttribute(edges, 3));
    this.floor.add(new THREE.LineSegments(edgeGeometry, new THREE.LineBasicMaterial({ color: 0xb0bec5 })));
  }

  private clearFloor(): void {
    for (const child of [...this.floor.children]) {
      this.floor.remove(child);
      if (child instanceof THREE.LineSegments) child.geometry.dispose();
    }
  }

  private pick(): void {
    this.hoverFrame = 0;
    if (!this.lastPointer || !this.mesh) return;
    const canvas = this.renderer.domElement;
    this.pointer.set(
      (this.lastPointer.x / canvas.clientWidth) * 2 - 1,
      -(this.lastPointer.y / canvas.clientHeight) * 2 + 1,
    );
    this.raycaster.setFromCamera(this.pointer, this.camera);
    const hit = this.raycaster.intersectObject(this.mesh, false)[0];
    if (!hit || !hit.face) {
      if (this.marker.visible) {
        this.marker.visible = false;
        this.requestRender();
      }
      return this.onLeave();
    }
    const position = this.geometry!.getAttribute("position") as THREE.BufferAttribute;
    let best = hit.face.a;
    let bestDistance = Infinity;
    const v = new THREE.Vector3();
    for (const k of [hit.face.a, hit.face.b, hit.face.c]) {
      v.fromBufferAttribute(position, k);
      const d = v.distanceToSquared(hit.point);
      if (d < bestDistance) {
        bestDistance = d;
        best = k;
      }
    }
    const row = Math.min(Math.floor(best / this.gridCols), this.rows - 1);
    const col = Math.min(best % this.gridCols, this.cols - 1);
    this.marker.position.fromBufferAttribute(position, best);
    this.marker.visible = true;
    this.requestRender();
    this.onHover(row, col, this.values[row * this.cols + col]);
  }

  /**
   * Compiles the shaders and draws a 2 × 2 stand-in once, to be called while
   * the data is still on its way (before the canvas is shown): the first real
   * frame then waits neither for the shaders nor, with software WebGL, for
   * the drawing code it generates at a pipeline's first draw. The canvas is
   * cleared and the stand-in and its floor taken away again: nothing of it
   * is ever shown, and the next `set` builds its own geometry.
   *
   *   const surface = new Surface(520, 420);
   *   surface.warmUp();
   *   const tensor = await getTensor(run, tag, step); // meanwhile
   *   surface.set(tensor.data, rows, cols, scale, zScale);
   */
  warmUp(): void {
    this.build(2, 2);
    this.renderer.render(this.scene, this.camera);
    this.renderer.clear();
    this.scene.remove(this.mesh!);
    this.geometry!.dispose();
    this.mesh = this.geometry = null;
    this.gridRows = this.gridCols = 0;
    this.clearFloor();
  }

  requestRender(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => this.render());
  }

  private render(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.renderer.render(this.scene, this.camera);
  }

  resetView(): void {
    this.camera.position.set(0.2, -2.7, 2.3);
    this.controls.target.set(0, 0, 0);
    this.controls.update();
    this.requestRender();
  }

  /** Frees the GPU context (browsers allow only a few at a time). */
  dispose(): void {
    cancelAnimationFrame(this.frame);
    cancelAnimationFrame(this.hoverFrame);
    this.controls.dispose();
    this.geometry?.dispose();
    this.material.dispose();
    this.renderer.dispose();
    this.renderer.forceContextLoss();
    this.element.remove();
  }

  toPNG(): string {
    this.renderer.render(this.scene, this.camera);
    return this.renderer.domElement.toDataURL("image/png");
  }
}
