using EasternSelect.Benchmarks;

// Times what the pages run, through the portal's real registrations, on a database filled by `seed --scale full`.
// Usage: dotnet run -c Release --project benchmarks/EasternSelect.Benchmarks -- [lists|tiering|lots|reports|complaints|dashboards] "Data Source=/path/portal.db" [runs] […]
return args switch
{
    ["tiering", var database] => await TieringBenchmark.RunAsync(database),
    ["lots", var database, ..] => await LotsBenchmark.RunAsync(database, Timing.RunsArgument(args, 2, 20)),
    ["reports", var database, ..] => await ReportsBenchmark.RunAsync(database, Timing.RunsArgument(args, 2, 5), args.Length > 3 ? args[3..] : []),
    ["complaints", var database, ..] => await ComplaintsBenchmark.RunAsync(database, Timing.RunsArgument(args, 2, 20)),
    ["dashboards", var database, ..] => await DashboardsBenchmark.RunAsync(database, Timing.RunsArgument(args, 2, 10), args.Length > 3 ? args[3..] : []),
    ["lists", var database, ..] => await ListsBenchmark.RunAsync(database, Timing.RunsArgument(args, 2, 20)),
    [var database, ..] when !database.Contains(' ', StringComparison.Ordinal) || database.Contains('=', StringComparison.Ordinal) => await ListsBenchmark.RunAsync(database, Timing.RunsArgument(args, 1, 20)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("Usage: EasternSelect.Benchmarks [lists|tiering|lots|reports|complaints|dashboards] \"<SQLite connection string>\" [runs] […]");
    return 2;
}
