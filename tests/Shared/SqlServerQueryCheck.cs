using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Diagnostics;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Text;
using EasternSelect.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace EasternSelect.Tests.Shared;

/// <summary>
/// Production runs SQL Server while the tests run SQLite: every query the tests compile is also translated for
/// SQL Server (same model, a context that never connects) and its SQL parsed with ScriptDom. A query SQL Server
/// cannot run fails where it is compiled, and is listed in <c>artifacts/sqlserver-query-check.txt</c>.
/// Off with <c>SQLSERVER_QUERY_CHECK=0</c>.
/// </summary>
public sealed class SqlServerQueryCheck : IQueryExpressionInterceptor
{
    public static readonly SqlServerQueryCheck Instance = new();

    // Never opened: the connection interceptor below suppresses every open.
    private const string NeverOpened = "Server=sql-check.invalid;Database=EasternSelect;TrustServerCertificate=True";

    private static readonly ConcurrentQueue<string> FailureList = new();
    private static readonly ConcurrentDictionary<string, byte> Skipped = new();
    private static readonly ConcurrentDictionary<string, byte> Reported = new();
    private static int _checked;
    private static int _statements;
    private static long _checkTicks;

    private static readonly Lazy<DbContextOptions<SqlServerPortalDbContext>> CheckOptions = new(() =>
        new DbContextOptionsBuilder<SqlServerPortalDbContext>()
            .UseSqlServer(NeverOpened)
            .AddInterceptors(new NoConnection(), new CaptureCommands())
            .Options);

    [ThreadStatic]
    private static List<string>? _captured;

    static SqlServerQueryCheck() => AppDomain.CurrentDomain.ProcessExit += (_, _) => WriteSummary();

    private SqlServerQueryCheck()
    {
    }

    public static bool Enabled { get; } = Environment.GetEnvironmentVariable("SQLSERVER_QUERY_CHECK") != "0";

    /// <summary>The interceptors a test database adds: this check when it is on, none when off.</summary>
    public static IEnumerable<IInterceptor> Interceptors => Enabled ? [Instance] : [];

    /// <summary>How many failures have been recorded so far (a fixture compares it before and after its tests).</summary>
    public static int FailureCount => FailureList.Count;

    public static IReadOnlyList<string> Failures => [.. FailureList];

    /// <summary>The SQL Server SQL of the last <see cref="Check"/> on this thread.</summary>
    public static IReadOnlyList<string> LastSql => _captured ?? [];

    /// <summary>Throws when queries failed since <paramref name="failuresBefore"/>, for failures the code under test swallowed.</summary>
    public static void ThrowIfFailedSince(int failuresBefore)
    {
        if (FailureList.Count > failuresBefore)
        {
            throw new InvalidOperationException("SQL Server cannot run these queries:\n" + string.Join("\n\n", FailureList.Skip(failuresBefore)));
        }
    }

    public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData)
    {
        if (eventData.Context is SqlServerPortalDbContext)
        {
            return queryExpression;
        }

        Interlocked.Increment(ref _checked);
        var started = Stopwatch.GetTimestamp();
        var outcome = Check(queryExpression);
        Interlocked.Add(ref _checkTicks, Stopwatch.GetTimestamp() - started);
        if (outcome is { } problem)
        {
            var report = $"{problem}\nQuery: {queryExpression}\nAt: {CallSite()}";
            if (Reported.TryAdd(problem, 0))
            {
                FailureList.Enqueue(report);
            }

            throw new InvalidOperationException("SQL Server cannot run this query (SqlServerQueryCheck): " + report);
        }

        return queryExpression;
    }

    /// <summary>Null when SQL Server translates the query into SQL that parses, else what went wrong.</summary>
    public static string? Check(Expression query)
    {
        if (RawSql(query) is { } raw)
        {
            // Raw SQL is written for one provider; the service that runs it must choose the SQL per provider.
            Skipped.TryAdd(raw, 0);
            return null;
        }

        using var db = new SqlServerPortalDbContext(CheckOptions.Value);
        var rerooted = new Reroot(db).Visit(query);
        _captured = [];
        try
        {
            Run(db, rerooted);
        }
        catch (Exception ex) when (_captured.Count == 0)
        {
            return $"Not translated for SQL Server: {ex.GetType().Name}: {ex.Message}";
        }
        catch (Exception)
        {
            // The SQL was produced; what the empty fake result does afterwards (e.g. Single on no rows) does not matter.
        }

        Interlocked.Add(ref _statements, _captured.Count);
        foreach (var sql in _captured)
        {
            if (ParseErrors(sql) is { Length: > 0 } errors)
            {
                return $"SQL Server SQL does not parse: {errors}\nSQL: {sql}";
            }
        }

        return null;
    }

    /// <summary>Parse errors of one T-SQL batch (SQL Server 2025 grammar, QUOTED_IDENTIFIER on), empty when it parses.</summary>
    public static string ParseErrors(string batch)
    {
        var parser = new TSql170Parser(initialQuotedIdentifiers: true);
        parser.Parse(new StringReader(batch), out var errors);
        return string.Join("; ", errors.Select(e => $"line {e.Line}: {e.Message}"));
    }

    private static void Run(SqlServerPortalDbContext db, Expression query)
    {
        // Executed against the fake connection, which records each command's SQL and answers with no rows.
        var provider = db.GetService<IAsyncQueryProvider>();
        if (typeof(IQueryable).IsAssignableFrom(query.Type))
        {
            foreach (var _ in provider.CreateQuery(query))
            {
            }

            return;
        }

        // A scalar (Count, Any, First, ExecuteUpdate…).
        try
        {
            ExecuteScalar.MakeGenericMethod(query.Type).Invoke(provider, [query]);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(ex.InnerException);
        }
    }

    private static readonly MethodInfo ExecuteScalar =
        typeof(IQueryProvider).GetMethods().Single(m => m is { Name: nameof(IQueryProvider.Execute), IsGenericMethodDefinition: true });

    private static string? RawSql(Expression query)
    {
        var finder = new RawSqlFinder();
        finder.Visit(query);
        return finder.Found;
    }

    /// <summary>The first frames of portal or data code that compiled the query, so a failure can be found.</summary>
    private static string CallSite() =>
        string.Join(" < ", new StackTrace().GetFrames()
            .Select(f => f.GetMethod())
            .Where(m => m?.DeclaringType?.FullName is { } name && name.StartsWith("EasternSelect.", StringComparison.Ordinal) && !name.StartsWith("EasternSelect.Tests.Shared.SqlServerQueryCheck", StringComparison.Ordinal))
            .Take(4)
            .Select(m => $"{m!.DeclaringType!.FullName}.{m.Name}"));

    private static void WriteSummary()
    {
        try
        {
            var text = new StringBuilder()
                .AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"Queries checked for SQL Server: {_checked}; SQL statements parsed: {_statements}; time in the check: {Stopwatch.GetElapsedTime(0, _checkTicks).TotalSeconds:0.0} s; failures: {FailureList.Count}; raw SQL skipped: {Skipped.Count}")
                .AppendJoin("\n\n", FailureList)
                .AppendLine()
                .AppendJoin("\n", Skipped.Keys.Select(k => "Skipped raw SQL: " + k))
                .ToString();
            var path = Path.Combine(AppContext.BaseDirectory, "artifacts", "sqlserver-query-check.txt");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }
        catch (IOException)
        {
            // The summary is a convenience; a failing query already failed its test.
        }
    }

    /// <summary>Moves entity roots onto the SQL Server model and gives each query parameter a sample value to parameterize again.</summary>
    private sealed class Reroot(SqlServerPortalDbContext db) : ExpressionVisitor
    {
        private readonly IModel _model = db.Model;
        private readonly IAsyncQueryProvider _provider = db.GetService<IAsyncQueryProvider>();

        protected override Expression VisitExtension(Expression node) => node switch
        {
            EntityQueryRootExpression root => new EntityQueryRootExpression(_provider, _model.FindEntityType(root.EntityType.Name)
                ?? throw new InvalidOperationException($"Entity type {root.EntityType.Name} is not in the SQL Server model.")),
            QueryParameterExpression parameter => Captured(parameter.Type),
            _ => base.VisitExtension(node),
        };

        private static Expression Captured(Type type)
        {
            // A field of a closure object, which the SQL Server compiler turns back into a parameter.
            var box = Activator.CreateInstance(typeof(StrongBox<>).MakeGenericType(type), Sample(type))!;
            return Expression.Field(Expression.Constant(box), nameof(StrongBox<int>.Value));
        }

        private static object? Sample(Type type)
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (type == typeof(string))
            {
                return "x";
            }

            if (type.IsEnum)
            {
                return Enum.GetValues(type).GetValue(0);
            }

            if (type == typeof(DateTime))
            {
                return new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            }

            if (type == typeof(DateOnly))
            {
                return new DateOnly(2026, 1, 1);
            }

            if (type == typeof(DateTimeOffset))
            {
                return new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
            }

            if (type == typeof(Guid))
            {
                return Guid.Empty;
            }

            if (type == typeof(bool))
            {
                return true;
            }

            if (type.IsPrimitive || type == typeof(decimal))
            {
                return Convert.ChangeType(1, type, System.Globalization.CultureInfo.InvariantCulture);
            }

            if (type.IsArray)
            {
                return Samples(type.GetElementType()!);
            }

            if (type.IsGenericType && type.GetGenericArguments() is [var element])
            {
                var array = Samples(element);
                if (type.IsAssignableFrom(array.GetType()))
                {
                    return array;
                }

                var list = typeof(List<>).MakeGenericType(element);
                if (type.IsAssignableFrom(list))
                {
                    return Activator.CreateInstance(list, array);
                }
            }

            return type.IsValueType ? Activator.CreateInstance(type) : null;
        }

        private static Array Samples(Type element)
        {
            var array = Array.CreateInstance(element, 2);
            array.SetValue(Sample(element), 0);
            array.SetValue(Sample(element), 1);
            return array;
        }
    }

    private sealed class RawSqlFinder : ExpressionVisitor
    {
        public string? Found { get; private set; }

        protected override Expression VisitExtension(Expression node)
        {
            // FromSql and SqlQuery roots (FromSqlQueryRootExpression derives from the entity root).
            if (node is QueryRootExpression && node.GetType() != typeof(EntityQueryRootExpression))
            {
                Found ??= node.ToString();
                return node;
            }

            return base.VisitExtension(node);
        }
    }

    /// <summary>Pretends to open the connection, so the check runs with no SQL Server.</summary>
    private sealed class NoConnection : DbConnectionInterceptor
    {
        public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
            InterceptionResult.Suppress();

        public override ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(InterceptionResult.Suppress());

        public override InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
            InterceptionResult.Suppress();
    }

    /// <summary>Records each command's SQL and answers with no rows instead of sending it.</summary>
    private sealed class CaptureCommands : DbCommandInterceptor
    {
        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            _captured?.Add(command.CommandText);
            return InterceptionResult<DbDataReader>.SuppressWithResult(new DataTable().CreateDataReader());
        }

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            _captured?.Add(command.CommandText);
            return InterceptionResult<object>.SuppressWithResult(0);
        }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            _captured?.Add(command.CommandText);
            return InterceptionResult<int>.SuppressWithResult(0);
        }
    }
}
