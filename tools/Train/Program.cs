using System.Diagnostics;
using Charts;
using Foundations;
using Foundations.Data;
using Katas.TrainingLoop;
using Spectre.Console;

namespace Train;

/// <summary>
/// Trains K12's 784-50-10 MLP on Fashion-MNIST: a progress bar per epoch, then the loss and
/// accuracy of every epoch as terminal charts. Against katas/ it trains the learner's code.
/// With <c>--cnn</c> it trains K13's ConvNet instead (<see cref="CnnTraining"/>).
/// </summary>
public static class Program
{
#if AGAINST_SOLUTIONS
    private const string Target = "the reference solution (solutions/K12_TrainingLoop)";
#else
    private const string Target = "your kata (katas/K12_TrainingLoop)";
#endif

    public static int Main(string[] args)
    {
        var (options, error) = TrainOptions.Parse(args);
        if (options is null)
        {
            if (error != "") AnsiConsole.MarkupLineInterpolated($"[red]{error}[/]");
            Console.WriteLine(TrainOptions.Usage);
            return error == "" ? 0 : 2;
        }

        try
        {
            return Run(options);
        }
        catch (NotImplementedException e)
        {
            var (kata, target) = options.Cnn ? ("K13", CnnTraining.Target) : ("K12", Target);
            string what = options.Cnn ? "the CNN" : "the training loop";
            AnsiConsole.MarkupLineInterpolated($"[yellow]Implement {kata} first:[/] {what} needs {target}, and it says: [italic]{e.Message}[/]");
            AnsiConsole.MarkupLineInterpolated($"Run [bold]./kata watch {kata[1..]}[/] (or [bold]dotnet test tests/Katas.Tests --filter Category={kata}[/]) until it is green, or try the reference with [bold]./kata train --solutions{(options.Cnn ? " --cnn" : "")}[/].");
            return 1;
        }
        catch (InvalidDataException e)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]Could not read Fashion-MNIST:[/] {e.Message}");
            AnsiConsole.MarkupLine("Reinstall dataset-fashion-mnist, or train on the embedded subset with [bold]--embedded[/].");
            return 1;
        }
    }

    private static int Run(TrainOptions options)
    {
        var load = Stopwatch.StartNew();
        FashionMnistData raw = options.Embedded ? FashionMnist.LoadEmbedded() : FashionMnist.Load();
        FashionMnistData data = raw.Normalize();
        AnsiConsole.MarkupLineInterpolated($"Training {(options.Cnn ? CnnTraining.Target : Target)}");
        AnsiConsole.MarkupLineInterpolated($"Data: [bold]{data.Description}[/] (loaded in {load.Elapsed.TotalSeconds:F1} s)");
        if (options.Cnn)
        {
            ShowResults(CnnTraining.Run(options, data), CnnTraining.Target, "cnn");
            return 0;
        }
        AnsiConsole.MarkupLineInterpolated(
            $"Model: 784-50-10 MLP, SGD lr {options.LearningRate}{LastEpochNote(options.Epochs)}, batch size {options.BatchSize}, seed {options.Seed}, {Epochs(options.Epochs)}");

        var rng = new Rng(options.Seed);
        var model = new Mlp(784, 50, 10, rng);
        var loaders = new DataLoaders(
            new DataLoader(data.Train.Images, data.Train.Labels, options.BatchSize, shuffle: rng),
            new DataLoader(data.Test.Images, data.Test.Labels, 1000));
        // Smaller steps for the last epoch let SGD settle into the minimum instead of bouncing around it.
        var optimizer = new Sgd(model.Parameters, options.LearningRate);
        var lastEpochOptimizer = new Sgd(model.Parameters, options.LearningRate / 10);
        var loss = new CrossEntropyLoss();

        var results = new List<EpochRow>();
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                for (int epoch = 1; epoch <= options.Epochs; epoch++)
                {
                    var bar = context.AddTask($"epoch {epoch}/{options.Epochs}", maxValue: loaders.Train.BatchCount);
                    var watch = Stopwatch.StartNew();
                    // One epoch per call: the loader reshuffles on every pass, so this is the same as Fit(…, epochs).
                    var sgd = epoch == options.Epochs && options.Epochs > 1 ? lastEpochOptimizer : optimizer;
                    EpochResult result = Trainer.Fit(model, loss, sgd, loaders, 1, progress => bar.Value = progress.Batch)[0];
                    watch.Stop();
                    bar.Description = $"epoch {epoch}/{options.Epochs}: loss {result.TrainLoss:F3}, test accuracy {result.ValidAccuracy:P1}";
                    bar.StopTask();
                    results.Add(new EpochRow(epoch, result.TrainLoss, result.ValidLoss, result.ValidAccuracy, watch.Elapsed));
                }
            });

        ShowResults(results, Target, "training");
        return 0;
    }

    /// <summary>"1 epoch", "5 epochs".</summary>
    internal static string Epochs(int count) => count == 1 ? "1 epoch" : $"{count} epochs";

    /// <summary>The last epoch's smaller step exists only when there is an epoch before it (see Run).</summary>
    private static string LastEpochNote(int epochs) => epochs > 1 ? " (a tenth of it for the last epoch)" : "";

    private static void ShowResults(List<EpochRow> results, string target, string chartName)
    {
        var table = new Table().AddColumns("epoch", "train loss", "test loss", "test accuracy", "time (train + test)");
        foreach (var r in results)
            table.AddRow($"{r.Epoch}", $"{r.TrainLoss:F4}", $"{r.TestLoss:F4}", $"{r.TestAccuracy:P2}", $"{r.Time.TotalSeconds:F2} s");
        AnsiConsole.Write(table);

        var accuracy = new BarChart().Label("[bold]test accuracy (%) per epoch[/]").Width(70).WithMaxValue(100);
        var trainLoss = new BarChart().Label("[bold]training loss per epoch[/]").Width(70);
        foreach (var r in results)
        {
            accuracy.AddItem($"epoch {r.Epoch}", Math.Round(r.TestAccuracy * 100, 1), Color.Green);
            trainLoss.AddItem($"epoch {r.Epoch}", Math.Round(r.TrainLoss, 3), Color.Orange1);
        }
        AnsiConsole.Write(trainLoss);
        AnsiConsole.Write(accuracy);

        double mean = results.Average(r => r.Time.TotalSeconds);
        AnsiConsole.MarkupLineInterpolated($"Mean time per epoch: [bold]{mean:F2} s[/]; final test accuracy: [bold]{results[^1].TestAccuracy:P2}[/]");

        // The same curves as files to open or share: out/train/<name>.png and .svg under the current directory.
        var chart = TrainingChart.Save(Path.Combine("out", "train"), chartName,
            results.Select(r => new EpochPoint(r.Epoch, r.TrainLoss, r.TestLoss, r.TestAccuracy)).ToList(),
            $"{target}; validation = the test set");
        AnsiConsole.MarkupLineInterpolated($"Chart: [bold]{chart.Png}[/]");
        AnsiConsole.MarkupLineInterpolated($"       [bold]{chart.Svg}[/]");
    }
}
