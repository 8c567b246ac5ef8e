using System.Diagnostics;
using Foundations;
using Foundations.Data;
using Katas.ConvolutionByUnfold;
using Spectre.Console;

namespace Train;

/// <summary>
/// <c>--cnn</c>: trains K13's ConvNet (two unfold convolutions and a linear layer) on Fashion-MNIST. The kata gives
/// the network and its gradients (<see cref="ConvNet.LossAndGradients"/>); the optimiser lives here: SGD with
/// momentum, and a learning rate that warms up over the first tenth of the batches and then falls linearly to zero
/// (a simple "one cycle"), which is what lets a small CNN get close to its best in a few epochs.
/// </summary>
internal static class CnnTraining
{
#if AGAINST_SOLUTIONS
    public const string Target = "the reference solution (solutions/K13_ConvolutionByUnfold)";
#else
    public const string Target = "your kata (katas/K13_ConvolutionByUnfold)";
#endif
    private const float Momentum = 0.9f;

    public static List<EpochRow> Run(TrainOptions options, FashionMnistData data)
    {
        var rng = new Rng(options.Seed);
        var net = new ConvNet(rng);
        // Printed once the net exists, so that a K13 still to do stops on the constructor before any promise.
        AnsiConsole.MarkupLineInterpolated(
            $"Model: K13 ConvNet (conv 1→8 s2, ReLU, conv 8→16 s2, ReLU, linear 784→10), SGD momentum {Momentum}, lr up to {options.LearningRate} (warm-up over the first tenth, then linearly to 0), batch size {options.BatchSize}, seed {options.Seed}, {Program.Epochs(options.Epochs)}");
        Tensor[] velocity = net.Parameters.Select(p => Tensor.ZerosLike(p)).ToArray();
        int train = data.Train.Count, batches = (train + options.BatchSize - 1) / options.BatchSize;
        int totalSteps = batches * options.Epochs, step = 0;
        var results = new List<EpochRow>();
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                for (int epoch = 1; epoch <= options.Epochs; epoch++)
                {
                    var bar = context.AddTask($"epoch {epoch}/{options.Epochs}", maxValue: batches);
                    var watch = Stopwatch.StartNew();
                    int[] order = Shuffled(train, rng);
                    double lossSum = 0;
                    for (int b = 0; b < batches; b++)
                    {
                        int start = b * options.BatchSize, count = Math.Min(options.BatchSize, train - start);
                        int[] indices = order[start..(start + count)];
                        var (loss, gradients) = net.LossAndGradients(Gather(data.Train.Images, indices), indices.Select(i => data.Train.Labels[i]).ToArray());
                        float lr = Schedule(options.LearningRate, step++, totalSteps);
                        for (int p = 0; p < velocity.Length; p++)
                        {
                            velocity[p] = velocity[p] * Momentum + gradients[p];   // v ← μ·v + g
                            net.Parameters[p].AddInPlace(velocity[p], -lr);         // p ← p − lr·v
                        }
                        lossSum += loss * count;
                        bar.Value = b + 1;
                    }
                    var (testLoss, testAccuracy) = Evaluate(net, data.Test);
                    watch.Stop();
                    bar.Description = $"epoch {epoch}/{options.Epochs}: loss {lossSum / train:F3}, test accuracy {testAccuracy:P1}";
                    bar.StopTask();
                    results.Add(new EpochRow(epoch, lossSum / train, testLoss, testAccuracy, watch.Elapsed));
                }
            });
        return results;
    }

    /// <summary>Linear warm-up over the first 10 % of all steps to <paramref name="peak"/>, then linear decay to 0.</summary>
    private static float Schedule(float peak, int step, int totalSteps)
    {
        float warm = Math.Max(1, totalSteps / 10), t = step + 1;
        return t <= warm ? peak * t / warm : peak * (totalSteps - t + 1) / (totalSteps - warm + 1);
    }

    private static int[] Shuffled(int count, Rng rng)
    {
        int[] order = Enumerable.Range(0, count).ToArray();
        for (int i = count - 1; i > 0; i--)   // Fisher–Yates
        {
            int j = (int)(rng.NextDouble() * (i + 1));
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }

    private static Tensor Gather(Tensor images, int[] indices)
    {
        int width = images.Shape[1];
        ReadOnlySpan<float> source = images.Contiguous().AsSpan();
        var batch = new float[indices.Length * width];
        for (int r = 0; r < indices.Length; r++) source.Slice(indices[r] * width, width).CopyTo(batch.AsSpan(r * width, width));
        return Tensor.FromArray(batch, [indices.Length, width]);
    }

    /// <summary>The mean cross-entropy and the accuracy on a whole set, in chunks of 1,000 images.</summary>
    private static (double Loss, double Accuracy) Evaluate(ConvNet net, LabelledImages set)
    {
        double loss = 0;
        int correct = 0;
        for (int start = 0; start < set.Count; start += 1000)
        {
            int count = Math.Min(1000, set.Count - start);
            float[] logits = net.Forward(set.Images.Narrow(0, start, count)).ToArray();
            for (int i = 0; i < count; i++)
            {
                var row = logits.AsSpan(i * 10, 10);
                int label = set.Labels[start + i], best = 0;
                float max = row[0];
                for (int k = 1; k < 10; k++) if (row[k] > max) { max = row[k]; best = k; }
                double sum = 0;
                foreach (float v in row) sum += Math.Exp(v - max);
                loss += max + Math.Log(sum) - row[label];
                if (best == label) correct++;
            }
        }
        return (loss / set.Count, (double)correct / set.Count);
    }
}
