using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace EasternSelect.Data;

/// <summary>
/// The one classifier of database failures worth one more try: the database was briefly busy
/// (SQLite busy/locked, SQL Server timeout, deadlock victim, lock timeout). Nothing else is retried.
/// </summary>
public static class TransientDatabaseError
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    // -2 client timeout, 1205 deadlock victim, 1222 lock request timeout, 40501/40613/49918-49920 Azure SQL busy.
    private static readonly HashSet<int> SqlServerNumbers = [-2, 1205, 1222, 40501, 40613, 49918, 49919, 49920];

    /// <summary>Whether the exception, or one it wraps (EF's DbUpdateException does), is a transient database failure.</summary>
    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException sqlite when sqlite.SqliteErrorCode is SqliteBusy or SqliteLocked:
                    return true;
                case SqlException sql when sql.Errors.Cast<SqlError>().Any(x => SqlServerNumbers.Contains(x.Number)):
                    return true;
                case TimeoutException:
                    return true;
            }
        }

        return false;
    }
}
