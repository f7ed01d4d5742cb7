using System.Globalization;
using EasternSelect.Data;
using EasternSelect.Data.Auditing;
using EasternSelect.Domain.Reporting;
using EasternSelect.Domain.Security;
using EasternSelect.Domain.Training;
using EasternSelect.Portal.Features.Reports;
using EasternSelect.Portal.Features.Reports.Esg;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EasternSelect.Portal.Tests.Reports;

/// <summary>Freezing a year's ESG figures: the published report keeps them, the page lists live differences, nobody else may freeze.</summary>
public sealed class EsgSnapshotTests(PortalFactoryFixture fixture) : IClassFixture<PortalFactoryFixture>
{
    private const int Year = 2019;
    private readonly IServiceProvider _services = fixture.Factory.Services;

    [Fact]
    public async Task Freeze_ThenRecordsChange_PublishedReportKeepsFrozenFiguresAndPageListsTheDifference()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-TW");
        var before = await AsAsync(Roles.Executive, esg => esg.BuildAsync(Year, CancellationToken.None));
        var companiesBefore = TrainingFigure(before, Year);

        var frozen = await AsAsync(Roles.Executive, esg => esg.FreezeAsync(Year, "董事會通過", CancellationToken.None));
        var sessionId = await AddTrainingSessionAsync(new DateOnly(Year, 6, 15), companies: 3);
        try
        {
            var published = await AsAsync(Roles.QaManager, esg => esg.BuildAsync(Year, CancellationToken.None));
            var differences = await AsAsync(Roles.Executive, esg => esg.DifferencesAsync(Year, CancellationToken.None));

            Assert.True(frozen.Result.Succeeded);
            Assert.NotNull(frozen.Snapshot);
            await using (var db = await Db())
            {
                var stored = await db.EsgSnapshots.SingleAsync(s => s.Year == Year);
                Assert.Equal(EsgSnapshot.Hash(stored.DocumentJson), stored.Sha256);
                Assert.Equal(frozen.Snapshot!.Sha256, stored.Sha256);
                Assert.Equal("exec-id", stored.FrozenById);
                Assert.Equal("董事會通過", stored.Note);
            }

            Assert.Equal(companiesBefore, TrainingFigure(published, Year));
            var notice = Assert.IsType<ReportParagraph>(published.Sections[0].Blocks[0]);
            Assert.Contains(frozen.Snapshot.Sha256, notice.Text, StringComparison.Ordinal);
            var training = Assert.Single(differences, d => d.Where.Contains("訓練家數", StringComparison.Ordinal) && d.Where.EndsWith(" › 2019", StringComparison.Ordinal));
            Assert.Equal(companiesBefore.ToString("N0", CultureInfo.GetCultureInfo("zh-TW")), training.Frozen);
            Assert.Equal((companiesBefore + 3).ToString("N0", CultureInfo.GetCultureInfo("zh-TW")), training.Live);
        }
        finally
        {
            await RemoveTrainingSessionAsync(sessionId);
        }
    }

    [Fact]
    public async Task Freeze_SameYearTwiceOrCurrentYear_IsRefusedWithAMessage()
    {
        var first = await AsAsync(Roles.Executive, esg => esg.FreezeAsync(2018, null, CancellationToken.None));
        var second = await AsAsync(Roles.Executive, esg => esg.FreezeAsync(2018, null, CancellationToken.None));
        var current = await AsAsync(Roles.Executive, esg => esg.FreezeAsync(DateTime.UtcNow.Year, null, CancellationToken.None));

        Assert.True(first.Result.Succeeded);
        Assert.False(second.Result.Succeeded);
        Assert.Null(second.Snapshot);
        Assert.False(current.Result.Succeeded);
        await using var db = await Db();
        Assert.Equal(1, await db.EsgSnapshots.CountAsync(s => s.Year == 2018));
        Assert.False(await db.EsgSnapshots.AnyAsync(s => s.Year == DateTime.UtcNow.Year));
    }

    [Theory]
    [InlineData(Roles.QaManager)]
    [InlineData(Roles.SupplierHead)]
    public async Task Freeze_NotAnExecutive_IsRefused(string role)
    {
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => AsAsync(role, esg => esg.FreezeAsync(2017, null, CancellationToken.None)));
    }

    [Fact]
    public async Task Snapshot_ChangedOrDeletedThroughTheContext_IsRefused()
    {
        await AsAsync(Roles.Executive, esg => esg.FreezeAsync(2016, null, CancellationToken.None));
        await using var db = await Db();
        var snapshot = await db.EsgSnapshots.SingleAsync(s => s.Year == 2016);

        db.EsgSnapshots.Remove(snapshot);

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Snapshot_TamperedInTheDatabase_IsNotPublishedAsFrozen()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-TW");
        await AsAsync(Roles.Executive, esg => esg.FreezeAsync(2015, null, CancellationToken.None));
        await using (var db = await Db())
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE EsgSnapshots SET DocumentJson = replace(DocumentJson, '供應商', '廠商') WHERE Year = 2015");
        }

        var published = await AsAsync(Roles.Executive, esg => esg.BuildAsync(2015, CancellationToken.None));
        var info = await AsAsync(Roles.Executive, esg => esg.FindAsync(2015, CancellationToken.None));

        Assert.False(info!.IsIntact);
        var notice = Assert.IsType<ReportParagraph>(published.Sections[0].Blocks[0]);
        Assert.Contains("雜湊值不符", notice.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(published.Sections.Skip(1), s => s.Heading.Contains("廠商管理", StringComparison.Ordinal));
    }

    private static decimal TrainingFigure(ReportDocument document, int year)
    {
        var table = document.Tables.First(t => t.Columns.Any(c => c.Header == year.ToString(CultureInfo.InvariantCulture)) && t.Rows.Any(r => r[0].Text == "訓練家數"));
        var column = table.Columns.ToList().FindIndex(c => c.Header == year.ToString(CultureInfo.InvariantCulture));
        return table.Rows.Single(r => r[0].Text == "訓練家數")[column].Number!.Value;
    }

    private async Task<int> AddTrainingSessionAsync(DateOnly date, int companies)
    {
        await using var db = await Db();
        // Suppliers not yet trained that year, so the count of distinct companies grows by exactly `companies`.
        var trained = await db.Set<TrainingAttendance>().Where(a => db.TrainingSessions.Any(s => s.Id == a.TrainingSessionId && s.Date.Year == date.Year))
            .Select(a => a.SupplierId).Distinct().ToListAsync();
        var suppliers = await db.Suppliers.Where(s => !trained.Contains(s.Id)).OrderBy(s => s.Id).Select(s => s.Id).Take(companies).ToListAsync();
        var session = new TrainingSession { Date = date, Topic = "凍結測試課程", Hours = 2 };
        session.Attendances.AddRange(suppliers.Select(id => new TrainingAttendance { SupplierId = id, PersonCount = 1 }));
        db.TrainingSessions.Add(session);
        await db.SaveChangesAsync();
        return session.Id;
    }

    private async Task RemoveTrainingSessionAsync(int id)
    {
        await using var db = await Db();
        await db.TrainingSessions.Where(s => s.Id == id).ExecuteDeleteAsync();
    }

    private Task<PortalDbContext> Db() => Task.FromResult(_services.GetRequiredService<PortalDatabase>().Create(AuditActor.System));

    private async Task<T> AsAsync<T>(string role, Func<EsgReport, Task<T>> action)
    {
        await using var scope = TestScopes.As(_services, role, out EsgReport esg, "exec-id", "executive@test");
        return await action(esg);
    }
}
