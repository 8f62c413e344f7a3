/** Common mistakes: the engine run again with one thing changed in one stage still to compute. */
import {
  type PipelineStage,
  type Tensor,
  gridIndex,
  planeSpan,
  poolGeometry,
  relu,
  runPipeline,
  runStage,
} from '../../../engine/index.js';
import type { AnswerValue, MistakeModel } from '../../types.js';
import {
  type ConvMistakeId,
  convMistakeInputs,
  validForSame,
  withStrideOne,
  withoutBias,
} from '../mistakes.js';
import { type Network, last } from './run.js';

type Variant = { id: MistakeModel['id']; run: () => Tensor };

/** A convolution stage's mistakes, in the order they are matched (the first match is named). */
const CONV_MISTAKES: readonly ConvMistakeId[] = [
  'scale-forgotten',
  'kernel-flipped',
  'bias-forgotten',
  'valid-instead-of-same',
  'stride-ignored',
];

function negated(t: Tensor): Tensor {
  return { shape: t.shape, data: t.data.map((v) => -v) };
}

function mistakeVariants(n: Network): Variant[] {
  const variants: Variant[] = [];
  /** Stage j replaced (by nothing, or by stages), run from `input` (what stage j gets). */
  const from =
    (j: number, replaced: PipelineStage[], input = n.outputs[j]): (() => Tensor) =>
    () => {
      const outs = runPipeline(input, [...replaced, ...n.stages.slice(j + 1)]);
      return outs.length ? outs[outs.length - 1] : input;
    };
  for (let j = n.start; j < n.stages.length; j++) {
    const stage = n.stages[j];
    const input = n.outputs[j];
    switch (stage.op) {
      case 'conv2d': {
        const { op, kernels, ...options } = stage;
        for (const { id, inputs: c } of convMistakeInputs(
          { input, kernels, options },
          CONV_MISTAKES,
        ))
          variants.push({
            id,
            run: from(j, [{ op, kernels: c.kernels, ...c.options }], c.input),
          });
        break;
      }
      case 'relu':
        variants.push({ id: 'relu-forgotten', run: from(j, []) });
        // |x| = relu(x) + relu(−x): the sign dropped instead of the negatives.
        variants.push({
          id: 'absolute-instead-of-relu',
          run: () => {
            const a = relu(input);
            const b = relu(negated(input));
            const abs: Tensor = { shape: a.shape, data: a.data.map((v, i) => v + b.data[i]) };
            const outs = runPipeline(abs, n.stages.slice(j + 1));
            return outs.length ? outs[outs.length - 1] : abs;
          },
        });
        break;
      case 'maxpool':
      case 'avgpool': {
        const other = stage.op === 'maxpool' ? 'avgpool' : 'maxpool';
        variants.push({
          id: stage.op === 'maxpool' ? 'average-instead-of-max' : 'max-instead-of-average',
          run: from(j, [{ ...stage, op: other }]),
        });
        const valid = validForSame(stage);
        if (valid) variants.push({ id: 'valid-instead-of-same', run: from(j, [valid]) });
        const size = typeof stage.size === 'number' ? stage.size : stage.size[0];
        const strideOne = withStrideOne(stage, size);
        if (strideOne) variants.push({ id: 'stride-ignored', run: from(j, [strideOne]) });
        if (stage.op === 'avgpool' && stage.padding === 'same' && input.shape.length === 3) {
          const g = poolGeometry(input, stage);
          if (g.pad.top + g.pad.bottom + g.pad.left + g.pad.right > 0) {
            // The padding zeros counted: a convolution with a window of ones, divided by its size.
            const C = input.shape[0];
            const shape = [C, C, g.kH, g.kW];
            const ones = new Float64Array(C * C * g.kH * g.kW);
            for (let c = 0; c < C; c++) ones.fill(1, ...planeSpan(shape, gridIndex(C, c, c)));
            variants.push({
              id: 'padding-counted-in-average',
              run: from(j, [
                {
                  op: 'conv2d',
                  kernels: { shape, data: ones },
                  stride: [g.sH, g.sW],
                  padding: 'same',
                  scale: 1 / (g.kH * g.kW),
                },
              ]),
            });
          }
        }
        break;
      }
      case 'dense': {
        const unbiased = withoutBias(stage);
        if (unbiased) variants.push({ id: 'bias-forgotten', run: from(j, [unbiased]) });
        break;
      }
      case 'softmax':
        // Each vote over the sum of votes: softmax of ln(vote), defined when every vote is positive.
        if (input.data.every((v) => v > 0))
          variants.push({
            id: 'exp-forgotten',
            run: () => {
              const p = runStage({ shape: input.shape, data: input.data.map(Math.log) }, stage);
              const outs = runPipeline(p, n.stages.slice(j + 1));
              return outs.length ? outs[outs.length - 1] : p;
            },
          });
        break;
      default:
        break;
    }
  }
  return variants;
}

function sameAnswer(a: AnswerValue, b: AnswerValue): boolean {
  if (a.kind === 'number' && b.kind === 'number') return Math.abs(a.value - b.value) <= 1e-9;
  if (a.kind === 'choice' && b.kind === 'choice') return a.index === b.index;
  if (a.kind === 'grid' && b.kind === 'grid')
    return (
      a.rows.length === b.rows.length &&
      a.rows.every(
        (row, r) =>
          row.length === b.rows[r].length &&
          row.every((v, c) => Math.abs(v - b.rows[r][c]) <= 1e-9),
      )
    );
  return false;
}

/** The answers the variants give, leaving out those that equal the right answer (nothing to name). */
export function mistakesOf(
  n: Network,
  pick: (t: Tensor) => AnswerValue | undefined,
): MistakeModel[] {
  const expected = pick(last(n));
  return mistakeVariants(n).flatMap((v) => {
    let answer: AnswerValue | undefined;
    try {
      answer = pick(v.run());
    } catch {
      // The changed network does not run here (a window no longer fits): nothing to recognise.
      answer = undefined;
    }
    return answer && !(expected && sameAnswer(answer, expected)) ? [{ id: v.id, answer }] : [];
  });
}
