/**
 * The X/O lesson's network with its hand-set numbers, and the pictures the draw screen starts
 * from, read from the course's library (`lessons/library.yaml`): the network `xo-hand-set`
 * (three named filters, match = sum of products × 1/9, ReLU, two poolings, the votes) and the
 * pictures `x`, `o` and `crooked-x`. It is the trainer's `XO_MODEL` with those numbers put in,
 * so the engine computes both networks the same way and the draw screen can compare them.
 */
import type { Library } from '../../content/library.js';
import { DRAW_NEEDS } from '../../content/lesson-tools.js';
import { pickText } from '../../i18n/index.js';
import type { Network } from '../../train/network.js';
import { initNetwork } from '../../train/network.js';
import { XO_MODEL } from '../../train/xo.js';
import type { StartPictures } from './draw-reducer.js';


export interface HandSet {
  readonly network: Network;
  readonly pictures: StartPictures;
  /** Each filter's name in the learner's language, in the network's order. */
  readonly filterNames: readonly string[];
}

interface Stage {
  op: string;
  kernels?: number[][][];
  scale?: number;
  weights?: number[][];
}

/**
 * The hand-set network and pictures of `library`, or the reason they cannot be built (the
 * loader checks them for every lesson that opens the draw screen, so this is a last guard).
 */
export function handSetOf(library: Library, lang: string): HandSet | { missing: string } {
  const stages = library.networks[DRAW_NEEDS.network] as Stage[] | undefined;
  const [x, o, crooked] = DRAW_NEEDS.pictures.map((name) => library.pictures[name]);
  const conv = stages?.find((s) => s.op === 'conv2d');
  const dense = stages?.find((s) => s.op === 'dense');
  if (!conv?.kernels || !dense?.weights || !x || !o || !crooked)
    return {
      missing: `lessons/library.yaml needs the network ${DRAW_NEEDS.network} and the pictures ${DRAW_NEEDS.pictures.join(', ')}`,
    };
  // Seeded only to get the shapes; every number is replaced below.
  const network = initNetwork(XO_MODEL, 0);
  const filters = network.params[network.layers.findIndex((l) => l.spec.type === 'conv2d')]!;
  const votes = network.params[network.layers.findIndex((l) => l.spec.type === 'dense')]!;
  const modelConv = network.layers.find((l) => l.spec.type === 'conv2d')!.spec as {
    scale?: number;
  };
  if (
    (conv.scale ?? 1) !== (modelConv.scale ?? 1) ||
    filters.weights.data.length !== conv.kernels.flat(2).length ||
    votes.weights.data.length !== dense.weights.flat().length
  )
    return {
      missing: `the network ${DRAW_NEEDS.network} does not have the X/O trainer's shape`,
    };
  filters.weights.data.set(conv.kernels.flat(2));
  filters.bias?.data.fill(0);
  votes.weights.data.set(dense.weights.flat());
  votes.bias?.data.fill(0);
  // The library kernel each filter is (the stages hold grids once the names are resolved).
  const names = conv.kernels.map((grid) => {
    const kernel = library.kernels.find((k) => JSON.stringify(k.grid) === JSON.stringify(grid));
    return kernel ? pickText(kernel.name, lang) : '';
  });
  return { network, pictures: { x, o, crooked }, filterNames: names };
}
