using EasternSelect.Domain.Inspections;
using EasternSelect.Domain.Suppliers;

namespace EasternSelect.Domain.Tests.Inspections;

public sealed class SpotCheckCandidateRulesTests
{
    private static readonly DateOnly Month = new(2020, 6, 1);

    private static readonly SpotCheckRuleSettings Settings = new() { ComplaintRateThreshold = 0.001m, TopSalesCount = 2, FlagMonths = 1, MaxComplaintProducts = 0 };

    private static CandidateProposal Propose(
        IReadOnlyList<CandidateProduct> products,
        IReadOnlyList<ProductComplaintTotals>? totals = null,
        IReadOnlyList<CandidateFlag>? flags = null,
        IReadOnlyList<DueFollowUp>? followUps = null,
        SpotCheckRuleSettings? settings = null) =>
        SpotCheckCandidateRules.Propose(Month, settings ?? Settings, products, totals ?? [], flags ?? [], followUps ?? []);

    private static CandidateProduct P(int id, int supplier, int sold, ListingStatus status = ListingStatus.Listed) => new(id, supplier, status, sold);

    [Fact]
    public void Propose_ProductComplaintRateAboveThreshold_ProposesThatProductWithRate()
    {
        // Product 1 sells less than product 2 of the same supplier; its own rate puts it on the list, not the best seller.
        var products = new[] { P(1, 10, 5), P(2, 10, 9), P(3, 20, 1), P(4, 30, 0), P(5, 30, 0) };
        var settings = new SpotCheckRuleSettings { ComplaintRateThreshold = 0.001m, TopSalesCount = 0 };

        var result = Propose(products, [new(1, 3, 1000), new(2, 0, 9000), new(3, 1, 1000), new(4, 0, 0)], settings: settings);

        var candidate = Assert.Single(result.Candidates);
        Assert.Equal(1, candidate.ProductId);
        var reason = Assert.Single(candidate.Reasons);
        Assert.Equal(SpotCheckReasonKind.HighComplaintRate, reason.Kind);
        Assert.Equal(0.003m, reason.Value);
        Assert.Equal("3/1000", reason.Text);
    }

    [Fact]
    public void Propose_ProductRateHighButSupplierRateLow_ProposesProduct()
    {
        // Supplier 10 overall: 2 complaints ÷ 101,000 shipped ≈ 0.002% (below 0.1%); product 1 alone: 2 ÷ 1,000 = 0.2%.
        var settings = new SpotCheckRuleSettings { ComplaintRateThreshold = 0.001m, TopSalesCount = 0 };

        var result = Propose([P(1, 10, 5), P(2, 10, 500)], [new(1, 2, 1000), new(2, 0, 100_000)], settings: settings);

        var candidate = Assert.Single(result.Candidates);
        Assert.Equal(1, candidate.ProductId);
        Assert.Equal(0.002m, Assert.Single(candidate.Reasons).Value);
    }

    [Fact]
    public void Propose_RateExactlyAtThreshold_IsNotProposed()
    {
        var settings = new SpotCheckRuleSettings { ComplaintRateThreshold = 0.001m, TopSalesCount = 0 };

        var result = Propose([P(1, 10, 5)], [new(1, 1, 1000)], settings: settings);

        Assert.Empty(result.Candidates);
    }

    [Fact]
    public void Propose_MaxComplaintProducts_KeepsHighestRates()
    {
        var settings = new SpotCheckRuleSettings { ComplaintRateThreshold = 0.001m, TopSalesCount = 0, MaxComplaintProducts = 1 };

        var result = Propose([P(1, 10, 5), P(2, 10, 5)], [new(1, 2, 1000), new(2, 5, 1000)], settings: settings);

        Assert.Equal([2], result.Candidates.Select(c => c.ProductId));
    }

    [Fact]
    public void Propose_TopSalesTiedAtCutOff_IncludesAllTiedProducts()
    {
        var products = new[] { P(1, 10, 900), P(2, 10, 500), P(3, 20, 500), P(4, 20, 100) };

        var result = Propose(products);

        Assert.Equal([1, 2, 3], result.Candidates.Select(c => c.ProductId).Order());
        Assert.Equal("2", result.Candidates.Single(c => c.ProductId == 3).Reasons.Single().Text);
        Assert.Equal("1", result.Candidates.Single(c => c.ProductId == 1).Reasons.Single().Text);
    }

    [Fact]
    public void Propose_ProductWithSeveralReasons_AppearsOnceWithAllReasons()
    {
        var products = new[] { P(1, 10, 900), P(2, 20, 800), P(3, 30, 10) };
        var flag = new CandidateFlag(7, 1, ProductFlagKind.News, new DateOnly(2020, 5, 20), "聯合報");

        var result = Propose(products, [new(1, 9, 1000)], [flag], [new DueFollowUp(42, 10)]);

        var first = result.Candidates.Single(c => c.ProductId == 1);
        Assert.Equal(
            [SpotCheckReasonKind.HighComplaintRate, SpotCheckReasonKind.Flagged, SpotCheckReasonKind.TopSales, SpotCheckReasonKind.QualificationFollowUp],
            first.Reasons.Select(r => r.Kind));
        Assert.Equal(42, first.Reasons.Single(r => r.Kind == SpotCheckReasonKind.QualificationFollowUp).ReferenceId);
        Assert.Equal(7, first.Reasons.Single(r => r.Kind == SpotCheckReasonKind.Flagged).ReferenceId);
        Assert.Equal(result.Candidates.Count, result.Candidates.Select(c => c.ProductId).Distinct().Count());
    }

    [Fact]
    public void Propose_DelistedProducts_AreNeverProposed()
    {
        var products = new[] { P(1, 10, 2000, ListingStatus.Delisted), P(2, 10, 10), P(3, 20, 5, ListingStatus.Delisted) };
        var flag = new CandidateFlag(1, 3, ProductFlagKind.MajorComplaint, new DateOnly(2020, 6, 3), "客訴");

        var result = Propose(products, [new(1, 50, 1000), new(2, 50, 1000)], [flag], [new DueFollowUp(9, 20)]);

        Assert.DoesNotContain(result.Candidates, c => c.ProductId is 1 or 3);
        Assert.Contains(result.Candidates, c => c.ProductId == 2 && c.Reasons.Any(r => r.Kind == SpotCheckReasonKind.HighComplaintRate));
        Assert.Equal(9, Assert.Single(result.FollowUpsWithoutProduct).MonthlySpotCheckId);
    }

    [Fact]
    public void Propose_FlagsOutsideTheWindow_AreIgnored()
    {
        var products = new[] { P(1, 10, 0), P(2, 10, 0), P(3, 10, 0) };
        var flags = new[]
        {
            new CandidateFlag(1, 1, ProductFlagKind.News, new DateOnly(2020, 4, 30), "old"),
            new CandidateFlag(2, 2, ProductFlagKind.News, new DateOnly(2020, 5, 1), "last month"),
            new CandidateFlag(3, 3, ProductFlagKind.Other, new DateOnly(2020, 7, 1), "next month"),
        };

        var result = Propose(products, flags: flags);

        Assert.Equal([2], result.Candidates.Select(c => c.ProductId));
    }
}
