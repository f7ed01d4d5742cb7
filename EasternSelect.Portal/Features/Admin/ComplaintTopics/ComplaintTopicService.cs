using System.Text.RegularExpressions;
using EasternSelect.Data;
using EasternSelect.Domain.Casework;
using EasternSelect.Portal.Components.Shared;
using EasternSelect.Portal.Infrastructure;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Portal.Features.Admin.ComplaintTopics;

public sealed record ComplaintTopicRow(int Id, string Code, string NameZh, string NameEn, int SortOrder, bool Active, bool ExcludedFromStatistics, int Complaints);

public sealed class ComplaintTopicForm
{
    public string? Code { get; set; }

    public string? NameZh { get; set; }

    public string? NameEn { get; set; }

    public bool ExcludedFromStatistics { get; set; }

    public bool Active { get; set; } = true;
}

/// <summary>The complaint topics (主要反映內容) administrators keep at /admin/complaint-topics; a used topic is deactivated, never deleted.</summary>
public sealed partial class ComplaintTopicService(IDbContextFactory<PortalDbContext> contexts, PolicyGuard guard)
{
    public const int NameMaxLength = 100;
    public const int CodeMaxLength = 40;

    public async Task<IReadOnlyList<ComplaintTopicRow>> ListAsync(CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Administration);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var used = await db.Complaints.AsNoTracking().GroupBy(c => c.CategoryId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var topics = await db.ComplaintCategories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(ct);
        return topics.Select(c => new ComplaintTopicRow(c.Id, c.Code, c.NameZh, c.NameEn, c.SortOrder, c.Active, c.ExcludedFromStatistics, used.GetValueOrDefault(c.Id))).ToList();
    }

    public async Task<Result> AddAsync(ComplaintTopicForm form, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Administration);
        ArgumentNullException.ThrowIfNull(form);
        var errors = CheckNames(form);
        var code = form.Code?.Trim().ToLowerInvariant() ?? string.Empty;
        if (code.Length == 0 || code.Length > CodeMaxLength || !CodePattern().IsMatch(code))
        {
            errors.Add("Topics.CodeInvalid");
        }

        if (errors.Count > 0)
        {
            return Result.Fail(errors);
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await db.ComplaintCategories.AnyAsync(c => c.Code == code, ct))
        {
            return Result.Fail("Topics.CodeExists");
        }

        var last = await db.ComplaintCategories.MaxAsync(c => (int?)c.SortOrder, ct) ?? 0;
        var topic = new ComplaintCategory
        {
            Code = code, NameZh = form.NameZh!.Trim(), NameEn = form.NameEn!.Trim(), SortOrder = last + 10,
            ExcludedFromStatistics = form.ExcludedFromStatistics, Active = true,
        };
        db.ComplaintCategories.Add(topic);
        await db.SaveChangesAsync(ct);
        return Result.Ok(topic.Id);
    }

    /// <summary>Renames, (de)activates and flags a topic; the code stays (reports and links key on it).</summary>
    public async Task<Result> UpdateAsync(int id, ComplaintTopicForm form, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Administration);
        ArgumentNullException.ThrowIfNull(form);
        var errors = CheckNames(form);
        if (errors.Count > 0)
        {
            return Result.Fail(errors);
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var topic = await db.ComplaintCategories.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (topic is null)
        {
            return Result.Conflicted();
        }

        if (!form.Active && topic.Active && !await db.ComplaintCategories.AnyAsync(c => c.Id != id && c.Active, ct))
        {
            return Result.Fail("Topics.LastActive");
        }

        topic.NameZh = form.NameZh!.Trim();
        topic.NameEn = form.NameEn!.Trim();
        topic.Active = form.Active;
        topic.ExcludedFromStatistics = form.ExcludedFromStatistics;
        await db.SaveChangesAsync(ct);
        return Result.Ok(topic.Id);
    }

    /// <summary>Moves a topic one place up (<paramref name="up"/>) or down in the intake list: swaps its order with the neighbour's.</summary>
    public async Task<Result> MoveAsync(int id, bool up, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Administration);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var topics = await db.ComplaintCategories.OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(ct);
        var index = topics.FindIndex(c => c.Id == id);
        var other = up ? index - 1 : index + 1;
        if (index < 0 || other < 0 || other >= topics.Count)
        {
            return Result.Ok(id);
        }

        // Renumber so equal orders (an older install) still move.
        (topics[index], topics[other]) = (topics[other], topics[index]);
        for (var i = 0; i < topics.Count; i++)
        {
            topics[i].SortOrder = (i + 1) * 10;
        }

        await db.SaveChangesAsync(ct);
        return Result.Ok(id);
    }

    public async Task<IReadOnlyList<ReferenceChange>> HistoryAsync(CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Administration);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await ReferenceHistory.ForAsync(db, nameof(ComplaintCategory), ct);
    }

    private static List<string> CheckNames(ComplaintTopicForm form)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(form.NameZh) || string.IsNullOrWhiteSpace(form.NameEn))
        {
            errors.Add("Topics.NamesRequired");
        }
        else if (form.NameZh.Trim().Length > NameMaxLength || form.NameEn.Trim().Length > NameMaxLength)
        {
            errors.Add("Topics.NameTooLong");
        }

        return errors;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex CodePattern();
}
