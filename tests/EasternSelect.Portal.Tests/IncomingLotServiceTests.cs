using System.Net;
using EasternSelect.Data;
using EasternSelect.Data.Auditing;
using EasternSelect.Domain.Inspections;
using EasternSelect.Domain.Sampling;
using EasternSelect.Domain.Security;
using EasternSelect.Domain.Suppliers;
using EasternSelect.Domain.Tiering;
using EasternSelect.Portal.Features.Inspections.Lots;
using EasternSelect.Portal.Features.Inspections.Quality;
using EasternSelect.Portal.Infrastructure;
using EasternSelect.Portal.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace EasternSelect.Portal.Tests;

/// <summary>Incoming-lot inspection against the demo database; each test uses a qualified B-tier supplier that has no lots yet.</summary>
public sealed class IncomingLotServiceTests(PortalFactoryFixture fixture) : IClassFixture<PortalFactoryFixture>
{
    private readonly IServiceProvider _services = fixture.Factory.Services;

    [Fact]
    public async Task Decide_RejectedLot_UpdatesStreamsCreatesCorrectiveActionAndMonthlyRecord()
    {
        var (supplierId, productId) = await FreshSupplierAsync();
        await using var scope = TestScopes.As(_services, Roles.QaInspector, out IncomingLotService service);
        var lots = LotServices.Of(scope);
        var today = service.Today;

        var result = await DecideAsync(lots, supplierId, productId, "T-REJ-1", majorDefects: d => d.Reject);

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        var detail = (await service.GetAsync(result.Id!.Value, CancellationToken.None))!;
        Assert.Equal(LotStatus.Decided, detail.Status);
        Assert.Equal(LotDecision.Rejected, detail.Decision);
        Assert.Equal(LotDecision.Rejected, detail.Plans.Single(p => p.DefectClass == DefectClass.Major).Decision);
        Assert.NotNull(detail.CorrectiveAction);
        Assert.Equal(today.AddDays(14), detail.CorrectiveAction.DueOn);
        Assert.Equal(CorrectiveActionStatus.Open, detail.CorrectiveAction.Status);
        Assert.Equal(3, detail.Streams.Count);
        Assert.All(detail.Streams, s => Assert.Equal(1, s.LotsCounted));
        await using var db = Context();
        var record = await db.SupplierMonthlyRecords.SingleAsync(r => r.SupplierId == supplierId && r.Month == IncomingLot.MonthOf(today));
        Assert.Equal((1, 1, 1000, 0), (record.LotsInspected, record.LotsRejected, record.UnitsReceived, record.ShortUnits));
        Assert.True(record.DefectiveUnits > 0);
    }

    [Fact]
    public async Task Decide_StaleStreamVersion_IsAConflictAndSavesNothing()
    {
        var (supplierId, productId) = await FreshSupplierAsync();
        await using var scope = TestScopes.As(_services, Roles.QaInspector, out IncomingLotService service);
        var lots = LotServices.Of(scope);
        await DecideAsync(lots, supplierId, productId, "T-STALE-1", majorDefects: _ => 0);
        var lotId = (await lots.Receiving.ReceiveAsync(NewLot(supplierId, productId, "T-STALE-2", service.Today), CancellationToken.None)).Id!.Value;
        var detail = (await service.GetAsync(lotId, CancellationToken.None))!;
        await DecideAsync(lots, supplierId, productId, "T-STALE-3", majorDefects: _ => 0);

        var result = await lots.Deciding.DecideAsync(Request(detail, service.Today, _ => 0), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.True(result.Conflict);
        await using var db = Context();
        var lot = await db.IncomingLots.Include(l => l.Results).SingleAsync(l => l.Id == lotId);
        Assert.Equal(LotStatus.Received, lot.Status);
        Assert.Empty(lot.Results);
        Assert.All(await db.InspectionStreams.Where(s => s.SupplierId == supplierId).ToListAsync(), s => Assert.Equal(2, s.LotsCounted));
    }

    [Fact]
    public async Task Decide_AlreadyDecidedLot_IsRefused()
    {
        var (supplierId, productId) = await FreshSupplierAsync();
        await using var scope = TestScopes.As(_services, Roles.QaInspector, out IncomingLotService service);
        var lots = LotServices.Of(scope);
        var lotId = (await lots.Receiving.ReceiveAsync(NewLot(supplierId, productId, "T-TWICE", service.Today), CancellationToken.None)).Id!.Value;
        var detail = (await service.GetAsync(lotId, CancellationToken.None))!;
        Assert.True((await lots.Deciding.DecideAsync(Request(detail, service.Today, _ => 0), CancellationToken.None)).Succeeded);

        var again = await lots.Deciding.DecideAsync(Request(detail, service.Today, d => d.Reject), CancellationToken.None);

        Assert.False(again.Succeeded);
        Assert.Equal(LotDecision.Accepted, (await service.GetAsync(lotId, CancellationToken.None))!.Decision);
    }

    [Fact]
    public async Task Reinspection_RejectedAgain_IsNotCountedForSwitching()
    {
        var (supplierId, productId) = await FreshSupplierAsync();
        await using var scope = TestScopes.As(_services, Roles.QaInspector, out IncomingLotService service);
        var lots = LotServices.Of(scope);
        var original = await DecideAsync(lots, supplierId, productId, "T-RE-1", majorDefects: d => d.Reject);

        var re = await lots.Receiving.ReceiveReinspectionAsync(original.Id!.Value, CancellationToken.None);
        var reDetail = (await service.GetAsync(re.Id!.Value, CancellationToken.None))!;
        var decided = await lots.Deciding.DecideAsync(Request(reDetail, service.Today, d => d.Reject), CancellationToken.None);

        Assert.True(decided.Succeeded, string.Join(" ", decided.Errors));
        var after = (await service.GetAsync(re.Id.Value, CancellationToken.None))!;
        Assert.True(after.IsReinspection);
        Assert.Equal(original.Id, after.Original?.Id);
        Assert.NotNull(after.CorrectiveActionId);
        Assert.Equal(LotDecision.Rejected, after.Decision);
        Assert.All(after.Streams, s => Assert.Equal(1, s.LotsCounted));
        Assert.Equal(InspectionSeverity.Normal, after.Streams.Single(s => s.DefectClass == DefectClass.Major).Severity);
        await using var db = Context();
        Assert.Equal(1, await db.CorrectiveActions.CountAsync(c => c.SupplierId == supplierId));
        var record = await db.SupplierMonthlyRecords.SingleAsync(r => r.SupplierId == supplierId && r.Month == IncomingLot.MonthOf(service.Today));
        Assert.Equal((1, 1), (record.LotsInspected, record.LotsRejected));
    }

    [Fact]
    public async Task Decide_SecondRejectionInFive_TightensTheStreamWithItsReason()
    {
        var (supplierId, productId) = await FreshSupplierAsync();
        await using var scope = TestScopes.As(_services, Roles.QaInspector, out IncomingLotService service);
        var lots = LotServices.Of(scope);
        await DecideAsync(lots, supplierId, productId, "T-TW-1", majorDefects: d => d.Reject);
        await DecideAsync(lots, supplierId, productId, "T-TW-2", majorDefects: _ => 0);
        await DecideAsync(lots, supplierId, productId, "T-TW-3", majorDefects: _ => 0);
        var fourth = await DecideAsync(lots, supplierId, productId, "T-TW-4", majorDefects: d => d.Reject);

        var detail = (await service.GetAsync(fourth.Id!.Value, CancellationToken.None))!;
        var major = detail.Streams.Single(s => s.DefectClass == DefectClass.Major);
        Assert.Equal(InspectionSeverity.Tightened, major.Severity);
        var transition = Assert.Single(major.Transitions);
        Assert.Equal((InspectionSeverity.Normal, InspectionSeverity.Tightened, SwitchReason.TwoOfFiveRejected, fourth.Id, "T-TW-4"),
            (transition.From, transition.To, transition.Reason, transition.LotId, transition.LotNumber));
        Assert.Equal(InspectionSeverity.Normal, detail.Streams.Single(s => s.DefectClass == DefectClass.Minor).Severity);

        // The next lot's major plan is the tightened one.
        var next = (await service.GetAsync((await lots.Receiving.ReceiveAsync(NewLot(supplierId, productId, "T-TW-5", service.Today), CancellationToken.None)).Id!.Value, CancellationToken.None))!;
        var plan = next.Plans.Single(p => p.DefectClass == DefectClass.Major);
        Assert.Equal(InspectionSeverity.Tightened, plan.Severity);
        Assert.Equal(SamplingTables.Plan(1000, InspectionLevel.II, 1.0m, InspectionSeverity.Tightened).Accept, plan.Accept);
    }

    // Issue 13: a lot of 5 (letter A) at AQL 10 takes the plan the standard's arrow leads to, code C (n = 5,
    // Ac 1 / Re 2), which for 5 units is the whole lot; the page says so. Values from the issue and
    // MIL-STD-105E Table II-A, not from SamplingTables.
    [Fact]
    public async Task LotOfFiveAtAql10_PlansCodeCAsFullInspection_AndThePageShowsIt()
    {
        var (supplierId, productId) = await FreshSupplierAsync();
        await using var scope = TestScopes.As(_services, Roles.QaInspector, out IncomingLotService service);
        var lots = LotServices.Of(scope);
        var firstId = (await lots.Receiving.ReceiveAsync(NewLot(supplierId, productId, "T-FULL-1", service.Today), CancellationToken.None)).Id!.Value;
        var first = (await service.GetAsync(firstId, CancellationToken.None))!;
        var decided = await lots.Deciding.DecideAsync(
            new DecideLotRequest(first.Id, first.Version, service.Today,
                [.. first.Plans.Select(p => new ClassFinding(p.DefectClass, p.DefectClass == DefectClass.Minor ? 10m : p.Aql, 0, p.Severity, p.StreamVersion))], null),
            CancellationToken.None);
        Assert.True(decided.Succeeded, string.Join(" ", decided.Errors));

        var received = await lots.Receiving.ReceiveAsync(new NewLotRequest(supplierId, productId, "T-FULL-2", service.Today, 5, 0, InspectionLevel.II, null), CancellationToken.None);
        var lotId = received.Id!.Value;
        var minor = (await service.GetAsync(lotId, CancellationToken.None))!.Plans.Single(p => p.DefectClass == DefectClass.Minor);

        Assert.Equal((10m, InspectionSeverity.Normal, 'C', 5, 1, 2), (minor.Aql, minor.Severity, minor.CodeLetter, minor.SampleSize, minor.Accept, minor.Reject));
        using var client = await fixture.Factory.SignedInClientAsync("qa.inspector@demo.local");
        var html = await client.GetStringAsync(new Uri($"/inspections/lots/{lotId}", UriKind.Relative));
        var row = PlanRow(html, DefectClass.Minor);
        Assert.Contains("data-testid=\"plan-full\"", row, StringComparison.Ordinal);
        Assert.Contains("全數檢驗", WebUtility.HtmlDecode(row), StringComparison.Ordinal);
        Assert.Matches("data-testid=\"plan-n\">5<", row);
        Assert.Matches("data-testid=\"plan-ac\">1<", row);
        Assert.Matches("data-testid=\"plan-re\">2<", row);

        // The decided lot of 1000 keeps its recorded plans, none of them the whole lot.
        var decidedHtml = await client.GetStringAsync(new Uri($"/inspections/lots/{firstId}", UriKind.Relative));
        Assert.Contains("data-testid=\"plan-Minor\"", decidedHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"plan-full\"", decidedHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApproveActions_Inspector_AreRefused()
    {
        var (supplierId, productId) = await FreshSupplierAsync();
        await using var scope = TestScopes.As(_services, Roles.QaInspector, out IncomingLotService service);
        var lots = LotServices.Of(scope);
        var lot = await DecideAsync(lots, supplierId, productId, "T-AUTH-1", majorDefects: d => d.Reject);
        var detail = (await service.GetAsync(lot.Id!.Value, CancellationToken.None))!;
        var stream = detail.Streams[0];

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => lots.CorrectiveActions.AcceptAsync(detail.CorrectiveAction!.Id, detail.CorrectiveAction.Version, "ok", service.Today, CancellationToken.None));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => lots.Streams.ApproveReducedAsync(stream.Id, stream.Version, CancellationToken.None));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => lots.Streams.ReportIrregularProductionAsync(stream.Id, stream.Version, CancellationToken.None));

        await using var managerScope = TestScopes.As(_services, Roles.QaManager, out IncomingLotService manager);
        var managerLots = LotServices.Of(managerScope);
        var accepted = await managerLots.CorrectiveActions.AcceptAsync(detail.CorrectiveAction!.Id, detail.CorrectiveAction!.Version, "已改善製程", manager.Today, CancellationToken.None);
        Assert.True(accepted.Succeeded, string.Join(" ", accepted.Errors));
        Assert.Equal(CorrectiveActionStatus.Accepted, (await manager.GetAsync(lot.Id.Value, CancellationToken.None))!.CorrectiveAction!.Status);
    }

    [Fact]
    public async Task Decide_InvalidInputs_AreRefusedWithLocalizedMessages()
    {
        var (supplierId, productId) = await FreshSupplierAsync();
        await using var scope = TestScopes.As(_services, Roles.QaInspector, out IncomingLotService service);
        var lots = LotServices.Of(scope);

        var receipt = await lots.Receiving.ReceiveAsync(new NewLotRequest(supplierId, productId, "T-BAD", service.Today.AddDays(1), 1, 0, InspectionLevel.II, null), CancellationToken.None);
        Assert.False(receipt.Succeeded);
        var l = scope.ServiceProvider.GetRequiredService<IStringLocalizer<SharedResource>>();
        Assert.Contains(l.Messages(receipt), e => e.Contains("批量", StringComparison.Ordinal));
        Assert.Contains(l.Messages(receipt), e => e.Contains("未來", StringComparison.Ordinal));

        var lotId = (await lots.Receiving.ReceiveAsync(NewLot(supplierId, productId, "T-BAD-2", service.Today), CancellationToken.None)).Id!.Value;
        var detail = (await service.GetAsync(lotId, CancellationToken.None))!;
        var tooMany = await lots.Deciding.DecideAsync(Request(detail, service.Today, d => d.SampleSize + 1), CancellationToken.None);
        Assert.False(tooMany.Succeeded);
        Assert.Contains(l.Messages(tooMany), e => e.Contains("樣本數", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UpsertMonthlyRecords_KeepsFieldsOtherFeaturesFill()
    {
        var (supplierId, productId) = await FreshSupplierAsync();
        await using var scope = TestScopes.As(_services, Roles.QaInspector, out IncomingLotService service);
        var lots = LotServices.Of(scope);
        var month = IncomingLot.MonthOf(service.Today);
        await using (var db = Context())
        {
            db.SupplierMonthlyRecords.Add(new SupplierMonthlyRecord { SupplierId = supplierId, Month = month, AuditFindings = 2, LotsInspected = 99 });
            await db.SaveChangesAsync();
        }

        await DecideAsync(lots, supplierId, productId, "T-UP-1", majorDefects: _ => 0, unitsShort: 20);
        var quality = scope.ServiceProvider.GetRequiredService<QualityFiguresService>();
        await quality.RecomputeMonthAsync(month, CancellationToken.None);

        await using var check = Context();
        var record = await check.SupplierMonthlyRecords.SingleAsync(r => r.SupplierId == supplierId && r.Month == month);
        Assert.Equal(2, record.AuditFindings);
        Assert.Equal((1, 0, 1000, 20), (record.LotsInspected, record.LotsRejected, record.UnitsReceived, record.ShortUnits));
        var figures = await quality.FiguresAsync(new QualityQuery(month, month, null, supplierId), CancellationToken.None);
        Assert.Equal(1, figures.Total.LotsDecided);
        Assert.Equal(100m, figures.Total.PassRate);
        Assert.Equal(decimal.Round(100m * 20 / 1020, 2), figures.Total.ShortageRate);
    }

    [Fact]
    public async Task DemoSeed_StreamsAreReplayedAndOneIsTightened()
    {
        await using var db = Context();
        var lots = await db.IncomingLots.Where(l => !l.IsReinspection && l.Status == LotStatus.Decided && l.InspectedByName == "qa.inspector@demo.local").CountAsync();
        var rejected = await db.IncomingLots.Where(l => !l.IsReinspection && l.Decision == LotDecision.Rejected && l.InspectedByName == "qa.inspector@demo.local").CountAsync();
        Assert.InRange(lots, 1500, 5000);
        Assert.InRange(100.0 * rejected / lots, 0.5, 4.0);
        Assert.True(await db.InspectionStreams.AnyAsync(s => s.Severity == InspectionSeverity.Tightened && s.Transitions.Any(t => t.Reason == SwitchReason.TwoOfFiveRejected)));
        Assert.True(await db.CorrectiveActions.AnyAsync(c => c.Status == CorrectiveActionStatus.Open));
        Assert.True(await db.CorrectiveActions.AnyAsync(c => c.Status == CorrectiveActionStatus.Accepted));
        Assert.True(await db.IncomingLots.AnyAsync(l => l.IsReinspection && l.CorrectiveActionId != null));

        // Replaying a stream's lots through a new machine gives the saved state.
        var stream = await db.InspectionStreams.Include(s => s.Supplier).Where(s => s.LotsCounted > 20).OrderBy(s => s.Id).FirstAsync();
        var results = await db.IncomingLotClassResults.Where(r => r.DefectClass == stream.DefectClass)
            .Join(db.IncomingLots.Where(l => l.SupplierId == stream.SupplierId && l.Category == stream.Category && !l.IsReinspection), r => r.IncomingLotId, l => l.Id, (r, l) => new { l.ReceivedOn, l.Id, r.CodeLetter, r.SampleSize, r.Accept, r.Reject, r.Defects })
            .ToListAsync();
        var machine = new SwitchingStateMachine(stream.Aql, InspectionIntensity.For(stream.Supplier!.Tier).StartingSeverity);
        foreach (var r in results.OrderBy(r => r.ReceivedOn).ThenBy(r => r.Id))
        {
            machine.RecordLot(new SwitchingLot(new SamplingPlan(r.CodeLetter[0], r.SampleSize, r.Accept, r.Reject), r.Defects));
        }

        Assert.Equal(stream.Severity, machine.Severity);
        Assert.Equal(stream.LotsCounted, results.Count);
    }

    private static NewLotRequest NewLot(int supplierId, int productId, string number, DateOnly today, int unitsShort = 0) =>
        new(supplierId, productId, number, today, 1000, unitsShort, InspectionLevel.II, null);

    private static DecideLotRequest Request(LotDetail detail, DateOnly today, Func<ClassPlanView, int> majorDefects) =>
        new(detail.Id, detail.Version, today,
            [.. detail.Plans.Select(p => new ClassFinding(p.DefectClass, p.Aql, p.DefectClass == DefectClass.Major ? majorDefects(p) : 0, p.Severity, p.StreamVersion))], null);

    private static async Task<Result> DecideAsync(LotServices lots, int supplierId, int productId, string number, Func<ClassPlanView, int> majorDefects, int unitsShort = 0)
    {
        var received = await lots.Receiving.ReceiveAsync(NewLot(supplierId, productId, number, lots.Reading.Today, unitsShort), CancellationToken.None);
        Assert.True(received.Succeeded, string.Join(" ", received.Errors));
        var detail = (await lots.Reading.GetAsync(received.Id!.Value, CancellationToken.None))!;
        var result = await lots.Deciding.DecideAsync(Request(detail, lots.Reading.Today, majorDefects), CancellationToken.None);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        return result;
    }

    private async Task<(int SupplierId, int ProductId)> FreshSupplierAsync()
    {
        await using var db = Context();
        var supplier = await db.Suppliers.Where(s => s.Status == SupplierStatus.Qualified && s.Tier == SupplierTier.B
                && !db.IncomingLots.Any(l => l.SupplierId == s.Id) && db.Products.Any(p => p.SupplierId == s.Id))
            .OrderByDescending(s => s.Id).Select(s => new { s.Id, ProductId = db.Products.Where(p => p.SupplierId == s.Id).Min(p => p.Id) }).FirstAsync();
        return (supplier.Id, supplier.ProductId);
    }

    private static string PlanRow(string html, DefectClass defectClass)
    {
        var start = html.IndexOf($"data-testid=\"plan-{defectClass}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No plan row for {defectClass}.");
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }

    private PortalDbContext Context() => _services.GetRequiredService<PortalDatabase>().Create(AuditActor.System);

    /// <summary>The incoming-lot services of one signed-in scope, by use.</summary>
    private sealed record LotServices(
        IncomingLotService Reading, LotReceivingService Receiving, LotDecisionService Deciding, CorrectiveActionService CorrectiveActions, InspectionStreamService Streams)
    {
        public static LotServices Of(AsyncServiceScope scope) => new(
            scope.ServiceProvider.GetRequiredService<IncomingLotService>(), scope.ServiceProvider.GetRequiredService<LotReceivingService>(),
            scope.ServiceProvider.GetRequiredService<LotDecisionService>(), scope.ServiceProvider.GetRequiredService<CorrectiveActionService>(),
            scope.ServiceProvider.GetRequiredService<InspectionStreamService>());
    }
}
