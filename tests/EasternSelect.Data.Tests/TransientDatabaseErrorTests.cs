using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace EasternSelect.Data.Tests;

/// <summary>Which database failures are worth one more try.</summary>
public sealed class TransientDatabaseErrorTests
{
    [Theory]
    [InlineData(5, true)]   // SQLITE_BUSY
    [InlineData(6, true)]   // SQLITE_LOCKED
    [InlineData(19, false)] // SQLITE_CONSTRAINT: retrying cannot help
    [InlineData(1, false)]  // SQLITE_ERROR
    public void Is_SqliteErrorCode_TransientOnlyWhenBusyOrLocked(int code, bool expected) =>
        Assert.Equal(expected, TransientDatabaseError.Is(new SqliteException("test", code)));

    [Fact]
    public void Is_BusyWrappedInDbUpdateException_IsTransient() =>
        Assert.True(TransientDatabaseError.Is(new DbUpdateException("save failed", new SqliteException("database is locked", 5))));

    [Fact]
    public void Is_ConcurrencyOrOtherFailure_IsNotTransient()
    {
        Assert.False(TransientDatabaseError.Is(new DbUpdateConcurrencyException("stale")));
        Assert.False(TransientDatabaseError.Is(new InvalidOperationException("bug")));
        Assert.False(TransientDatabaseError.Is(null));
    }

    [Fact]
    public void FromConfiguration_NoBusyTimeoutSetting_WaitsFiveSecondsNotThirty()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Portal"] = "Data Source=/tmp/es-busy-test/portal.db" }).Build();
        var configured = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Portal"] = "Data Source=/tmp/es-busy-test/portal.db", ["Database:SqliteBusyTimeoutSeconds"] = "2" }).Build();

        var byDefault = new SqliteConnectionStringBuilder(PortalDatabase.FromConfiguration(configuration, "/tmp", TimeProvider.System).ConnectionString);
        var bySetting = new SqliteConnectionStringBuilder(PortalDatabase.FromConfiguration(configured, "/tmp", TimeProvider.System).ConnectionString);

        Assert.Equal(5, byDefault.DefaultTimeout);
        Assert.Equal(2, bySetting.DefaultTimeout);
    }
}
