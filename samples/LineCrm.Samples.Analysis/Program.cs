using LineCrm.Samples.Analysis;

// The main job of LineCrm (see AnalysisJob): data -> identities -> member table -> segments -> funnel and
// purchase analytics -> reports.
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

return await AnalysisJob.RunAsync(args, Console.Out, Console.Error, cancel.Token);
