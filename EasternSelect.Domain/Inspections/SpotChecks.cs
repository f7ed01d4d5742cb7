using EasternSelect.Domain.Common;
using EasternSelect.Domain.Files;
using EasternSelect.Domain.Suppliers;

namespace EasternSelect.Domain.Inspections;

public enum ProductFlagKind
{
    MajorComplaint,
    News,
    Other,
}

/// <summary>Why a product is on a month's spot-check list (祕密警察機制). A product may have several reasons.</summary>
public enum SpotCheckReasonKind
{
    /// <summary>取貨客訴率高: the product's complaints ÷ its units shipped over the recent months is above the threshold.</summary>
    HighComplaintRate,

    /// <summary>重大客訴/新聞商品: QA recorded a flag on the product.</summary>
    Flagged,

    /// <summary>銷售率高: among the top N by monthly units sold.</summary>
    TopSales,

    /// <summary>A monthly follow-up check (月檢抽驗) scheduled by a qualification review for the product's supplier.</summary>
    QualificationFollowUp,

    /// <summary>Added by the QA manager by hand.</summary>
    Manual,
}

public enum SpotCheckOutcome
{
    Pass,
    Fail,
}

/// <summary>A major complaint or news report QA recorded on a product: it makes the product a spot-check candidate.</summary>
public sealed class ProductFlag : Entity
{
    public const int SourceMaxLength = 200;
    public const int NoteMaxLength = 1000;

    public int ProductId { get; set; }

    public Product? Product { get; set; }

    public ProductFlagKind Kind { get; set; }

    /// <summary>Where it came from: the complaint case, the newspaper or programme.</summary>
    public string Source { get; set; } = string.Empty;

    public DateOnly Date { get; set; }

    public string? Note { get; set; }

    public string RecordedBy { get; set; } = string.Empty;

    public DateTime RecordedUtc { get; set; }
}

/// <summary>The thresholds of the candidate rules; configurable (Inspections:SpotChecks).</summary>
public sealed class SpotCheckRuleSettings
{
    /// <summary>A product's complaints ÷ its units shipped above which it is proposed (0.0005 = 0.05%).</summary>
    public decimal ComplaintRateThreshold { get; set; } = 0.0005m;

    /// <summary>How many months before the checked month the complaint rate is taken over.</summary>
    public int ComplaintLookbackMonths { get; set; } = 3;

    /// <summary>At most this many products (highest rates first) are proposed for their complaint rate; 0 = no limit.</summary>
    public int MaxComplaintProducts { get; set; } = 10;

    /// <summary>The top N listed products by monthly units sold. Products tied with the N-th are all proposed.</summary>
    public int TopSalesCount { get; set; } = 5;

    /// <summary>A flag proposes its product in the flag's month and this many months after.</summary>
    public int FlagMonths { get; set; } = 2;
}

public sealed record CandidateProduct(int ProductId, int SupplierId, ListingStatus ListingStatus, int MonthlyUnitsSold);

/// <summary>A product's complaints and imported units shipped summed over the lookback months (the seed: complaint rate per product).</summary>
public sealed record ProductComplaintTotals(int ProductId, int Complaints, int UnitsShipped)
{
    public decimal? Rate => UnitsShipped > 0 ? (decimal)Complaints / UnitsShipped : null;
}

public sealed record CandidateFlag(int FlagId, int ProductId, ProductFlagKind Kind, DateOnly Date, string Source);

public sealed record DueFollowUp(int MonthlySpotCheckId, int SupplierId);

/// <summary>One reason: the figure behind it (rate, units, rank) and the record it comes from (flag, follow-up check).</summary>
public sealed record CandidateReason(SpotCheckReasonKind Kind, decimal? Value = null, string? Text = null, int? ReferenceId = null);

public sealed record SpotCheckCandidate(int ProductId, int SupplierId, IReadOnlyList<CandidateReason> Reasons);

public sealed record CandidateProposal(IReadOnlyList<SpotCheckCandidate> Candidates, IReadOnlyList<DueFollowUp> FollowUpsWithoutProduct);

/// <summary>
/// The month's candidates of the 祕密警察機制, from the seed's three kinds of product (high complaint rate,
/// major complaint / news, high sales) plus the qualification follow-up checks due. Delisted products are never
/// proposed; a product proposed for several reasons appears once with all of them.
/// </summary>
public static class SpotCheckCandidateRules
{
    public static CandidateProposal Propose(
        DateOnly month,
        SpotCheckRuleSettings settings,
        IReadOnlyList<CandidateProduct> products,
        IReadOnlyList<ProductComplaintTotals> complaintTotals,
        IReadOnlyList<CandidateFlag> flags,
        IReadOnlyList<DueFollowUp> followUps)
    {
        var first = new DateOnly(month.Year, month.Month, 1);
        var listed = products.Where(p => p.ListingStatus == ListingStatus.Listed).ToList();
        var byId = listed.ToDictionary(p => p.ProductId);
        // A supplier-level reason (a follow-up check) lands on the supplier's best seller (lowest id on a tie: deterministic).
        var bestSeller = listed.GroupBy(p => p.SupplierId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.MonthlyUnitsSold).ThenBy(p => p.ProductId).First());
        var reasons = new Dictionary<int, List<CandidateReason>>();

        void Add(int productId, CandidateReason reason)
        {
            if (!reasons.TryGetValue(productId, out var list))
            {
                reasons[productId] = list = [];
            }

            list.Add(reason);
        }

        var high = complaintTotals
            .Where(t => t.Rate > settings.ComplaintRateThreshold && byId.ContainsKey(t.ProductId))
            .OrderByDescending(t => t.Rate).ThenBy(t => t.ProductId);
        foreach (var totals in settings.MaxComplaintProducts > 0 ? high.Take(settings.MaxComplaintProducts) : high)
        {
            Add(totals.ProductId, new CandidateReason(SpotCheckReasonKind.HighComplaintRate, decimal.Round(totals.Rate!.Value, 6),
                $"{totals.Complaints}/{totals.UnitsShipped}"));
        }

        var flagFrom = first.AddMonths(-settings.FlagMonths);
        foreach (var flag in flags.Where(f => f.Date >= flagFrom && f.Date < first.AddMonths(1) && byId.ContainsKey(f.ProductId)).OrderBy(f => f.Date).ThenBy(f => f.FlagId))
        {
            Add(flag.ProductId, new CandidateReason(SpotCheckReasonKind.Flagged, null, flag.Kind.ToString(), flag.FlagId));
        }

        if (settings.TopSalesCount > 0)
        {
            var ranked = listed.Where(p => p.MonthlyUnitsSold > 0).OrderByDescending(p => p.MonthlyUnitsSold).ThenBy(p => p.ProductId).ToList();
            if (ranked.Count > 0)
            {
                var cutOff = ranked[Math.Min(settings.TopSalesCount, ranked.Count) - 1].MonthlyUnitsSold;
                foreach (var product in ranked.TakeWhile(p => p.MonthlyUnitsSold >= cutOff))
                {
                    var rank = 1 + ranked.Count(p => p.MonthlyUnitsSold > product.MonthlyUnitsSold);
                    Add(product.ProductId, new CandidateReason(SpotCheckReasonKind.TopSales, product.MonthlyUnitsSold, rank.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                }
            }
        }

        var orphans = new List<DueFollowUp>();
        foreach (var due in followUps.OrderBy(f => f.MonthlySpotCheckId))
        {
            if (bestSeller.TryGetValue(due.SupplierId, out var product))
            {
                Add(product.ProductId, new CandidateReason(SpotCheckReasonKind.QualificationFollowUp, null, null, due.MonthlySpotCheckId));
            }
            else
            {
                orphans.Add(due);
            }
        }

        var candidates = reasons
            .Select(r => new SpotCheckCandidate(r.Key, byId[r.Key].SupplierId, r.Value.OrderBy(x => x.Kind).ToList()))
            .OrderBy(c => c.Reasons[0].Kind).ThenByDescending(c => c.Reasons.Count).ThenBy(c => c.ProductId)
            .ToList();
        return new CandidateProposal(candidates, orphans);
    }
}

/// <summary>A month's confirmed spot-check list: the QA manager's choice from the candidates.</summary>
public sealed class SpotCheckMonth : AggregateRoot
{
    private readonly List<SpotCheckItem> _items = [];

    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; private set; }

    public string ConfirmedById { get; private set; } = string.Empty;

    public string ConfirmedByName { get; private set; } = string.Empty;

    public DateTime ConfirmedUtc { get; private set; }

    public IReadOnlyList<SpotCheckItem> Items => _items;

    /// <summary>The manager confirms the month's list; its products are added with <see cref="Propose"/> and <see cref="AddManual"/>.</summary>
    public static SpotCheckMonth Confirm(DateOnly month, string byId, string byName, DateTime utc) =>
        new() { Month = new DateOnly(month.Year, month.Month, 1), ConfirmedById = byId, ConfirmedByName = byName, ConfirmedUtc = utc };

    /// <summary>A candidate of the rules on the list, with its reasons; a qualification follow-up keeps the check it fulfils.</summary>
    public SpotCheckItem Propose(SpotCheckCandidate candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        EnsureNotListed(candidate.ProductId);
        var item = new SpotCheckItem(candidate.ProductId, candidate.Reasons.FirstOrDefault(r => r.Kind == SpotCheckReasonKind.QualificationFollowUp)?.ReferenceId, null);
        item.AddReasons(candidate.Reasons.Select(SpotCheckItemReason.From));
        _items.Add(item);
        return item;
    }

    /// <summary>A product the manager adds by hand, with the reason.</summary>
    public SpotCheckItem AddManual(int productId, string reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("SpotCheck.AddReasonRequired");
        }

        EnsureNotListed(productId);
        var item = new SpotCheckItem(productId, null, reason.Trim());
        item.AddReasons([new SpotCheckItemReason { Kind = SpotCheckReasonKind.Manual, Text = reason.Trim() }]);
        _items.Add(item);
        return item;
    }

    private void EnsureNotListed(int productId)
    {
        if (_items.Any(i => i.ProductId == productId))
        {
            throw new DomainRuleException("SpotCheck.AlreadyOnList");
        }
    }
}

/// <summary>One product of a month's list: why it is there, whether the manager removed it, and the inspector's result.</summary>
public sealed class SpotCheckItem : AggregateRoot
{
    public const int ReasonMaxLength = 500;
    public const int FindingsMaxLength = 2000;

    private readonly List<SpotCheckItemReason> _reasons = [];
    private readonly List<SpotCheckPhoto> _photos = [];

    internal SpotCheckItem(int productId, int? monthlySpotCheckId, string? addedReason)
    {
        ProductId = productId;
        MonthlySpotCheckId = monthlySpotCheckId;
        AddedReason = addedReason;
    }

    private SpotCheckItem()
    {
    }

    public int SpotCheckMonthId { get; private set; }

    public int ProductId { get; private set; }

    public Product? Product { get; set; }

    /// <summary>The qualification follow-up check this item fulfils, when it is one.</summary>
    public int? MonthlySpotCheckId { get; private set; }

    public bool Removed { get; private set; }

    public string? RemovalReason { get; private set; }

    /// <summary>Why the manager added the product by hand.</summary>
    public string? AddedReason { get; private set; }

    public SpotCheckOutcome? Outcome { get; private set; }

    public string? Findings { get; private set; }

    public string? InspectedByName { get; private set; }

    public DateTime? InspectedUtc { get; private set; }

    public IReadOnlyList<SpotCheckItemReason> Reasons => _reasons;

    public IReadOnlyList<SpotCheckPhoto> Photos => _photos;

    /// <summary>The manager takes a proposed product off the list, with the reason; a checked product stays.</summary>
    public void Remove(string reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("SpotCheck.RemovalReasonRequired");
        }

        if (Outcome is not null)
        {
            throw new DomainRuleException("SpotCheck.AlreadyChecked");
        }

        Removed = true;
        RemovalReason = reason.Trim();
    }

    /// <summary>Records the inspector's result (again, when corrected); a failure needs findings, a removed product is not checked.</summary>
    public void Record(SpotCheckOutcome outcome, string? findings, string inspectorName, DateTime nowUtc)
    {
        if (Removed)
        {
            throw new DomainRuleException("SpotCheck.RemovedItem");
        }

        if (outcome == SpotCheckOutcome.Fail && string.IsNullOrWhiteSpace(findings))
        {
            throw new DomainRuleException("SpotCheck.FindingsRequired");
        }

        Outcome = outcome;
        Findings = string.IsNullOrWhiteSpace(findings) ? null : findings.Trim();
        InspectedByName = inspectorName;
        InspectedUtc = nowUtc;
    }

    /// <summary>A photo of the checked product.</summary>
    public void AddPhoto(StoredFile file)
    {
        if (Removed)
        {
            throw new DomainRuleException("SpotCheck.RemovedItem");
        }

        _photos.Add(new SpotCheckPhoto { File = file });
    }

    internal void AddReasons(IEnumerable<SpotCheckItemReason> reasons) => _reasons.AddRange(reasons);
}

public sealed class SpotCheckItemReason : Entity
{
    public int SpotCheckItemId { get; set; }

    public SpotCheckReasonKind Kind { get; set; }

    /// <summary>The figure (a rate or units sold); double, because the SQLite decimal convention stores money in cents.</summary>
    public double? Value { get; set; }

    public string? Text { get; set; }

    public int? ReferenceId { get; set; }

    /// <summary>A rule's reason as stored; the figure becomes a double (see <see cref="Value"/>).</summary>
    public static SpotCheckItemReason From(CandidateReason reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        return new() { Kind = reason.Kind, Value = reason.Value is { } v ? (double)v : null, Text = reason.Text, ReferenceId = reason.ReferenceId };
    }
}

public sealed class SpotCheckPhoto : Entity
{
    public int SpotCheckItemId { get; set; }

    public int StoredFileId { get; set; }

    public StoredFile? File { get; set; }
}
