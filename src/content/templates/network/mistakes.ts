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
  volumeIndex,
} from '../../../engine/index.js';
import type { AnswerValue, MistakeModel } from '../../types.js';
import { type Network, last } from './run.js';

type Variant = { id: MistakeModel['id']; run: () => Tensor };

function rotated(kernels: Tensor): Tensor {
  const [O, C, kH, kW] = kernels.shape;
  const out = new Float64Array(kernels.data.length);
  for (let p = 0; p < O * C; p++)
    for (let i = 0; i < kH; i++)
      for (let j = 0; j < kW; j++)
        out[volumeIndex(kernels.shape, p, i, j)] =
          kernels.data[volumeIndex(kernels.shape, p, kH - 1 - i, kW - 1 - j)];
  return { shape: kernels.shape, data: out };
}

function negated(t: Tensor): Tensor {
  return { shape: t.shape, data: t.data.map((v) => -v) };
}

function strideIsOne(
  stride: number | readonly [number, number] | undefined,
  fallback: number,
): boolean {
  const [a, b] =
    stride === undefined
      ? [fallback, fallback]
      : typeof stride === 'number'
        ? [stride, stride]
        : stride;
  return a === 1 && b === 1;
}

function mistakeVariants(n: Network): Variant[] {
  const variants: Variant[] = [];
  const from =
    (j: number, replaced: PipelineStage[], after = j + 1): (() => Tensor) =>
    () => {
      const outs = runPipeline(n.outputs[j], [...replaced, ...n.stages.slice(after)]);
      return outs.length ? outs[outs.length - 1] : n.outputs[j];
    };
  for (let j = n.start; j < n.stages.length; j++) {
    const stage = n.stages[j];
    const input = n.outputs[j];
    switch (stage.op) {
      case 'conv2d':
        if (stage.scale !== undefined && stage.scale !== 1)
          variants.push({ id: 'scale-forgotten', run: from(j, [{ ...stage, scale: undefined }]) });
        variants.push({
          id: 'kernel-flipped',
          run: from(j, [{ ...stage, kernels: rotated(stage.kernels) }]),
        });
        if (Array.from(stage.bias ?? []).some((b) => b !== 0))
          variants.push({ id: 'bias-forgotten', run: from(j, [{ ...stage, bias: undefined }]) });
        if (stage.padding === 'same')
          variants.push({
            id: 'valid-instead-of-same',
            run: from(j, [{ ...stage, padding: 'valid' }]),
          });
        if (!strideIsOne(stage.stride, 1))
          variants.push({ id: 'stride-ignored', run: from(j, [{ ...stage, stride: 1 }]) });
        break;
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
        if (stage.padding === 'same')
          variants.push({
            id: 'valid-instead-of-same',
            run: from(j, [{ ...stage, padding: 'valid' }]),
          });
        const size = typeof stage.size === 'number' ? stage.size : stage.size[0];
        if (!strideIsOne(stage.stride, size))
          variants.push({ id: 'stride-ignored', run: from(j, [{ ...stage, stride: 1 }]) });
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
      case 'dense':
        if (Array.from(stage.bias ?? []).some((b) => b !== 0))
          variants.push({ id: 'bias-forgotten', run: from(j, [{ ...stage, bias: undefined }]) });
        break;
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
