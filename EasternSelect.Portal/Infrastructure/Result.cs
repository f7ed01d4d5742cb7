using EasternSelect.Domain.Common;

namespace EasternSelect.Portal.Infrastructure;

/// <summary>
/// The outcome of every command a page sends to a service: succeeded (with the id it made, if any), or
/// error keys to translate (<c>"Key"</c>, or <c>"Key|detail"</c> where detail names a file or an item), and
/// whether the failure is a concurrency conflict (the page keeps the person's input and offers to reload).
/// Commands that produce more than an id return their own record holding a <see cref="Result"/>.
/// </summary>
public sealed record Result(bool Succeeded, IReadOnlyList<string> Errors, bool Conflict = false, int? Id = null)
{
    public const string ConflictKey = "Common.ConcurrencyConflict";

    public static Result Ok(int? id = null) => new(true, [], Id: id);

    public static Result Fail(params string[] errors) => new(false, errors);

    public static Result Fail(IEnumerable<string> errors) => new(false, errors.ToList());

    /// <summary>A domain rule refused the action.</summary>
    public static Result Refused(DomainRuleException rule) => new(false, [rule.Key]);

    public static Result Conflicted() => new(false, [ConflictKey], Conflict: true);
}
