using System.Security.Claims;
using EasternSelect.Domain.Files;
using EasternSelect.Domain.Reviews;
using EasternSelect.Portal.Infrastructure;
using EasternSelect.Portal.Infrastructure.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace EasternSelect.Portal.Features.Suppliers.Reviews;

public partial class ReviewPage
{
    [Parameter]
    public int Id { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState>? AuthState { get; set; }

    private ReviewDetail? _review;
    private bool _loaded;
    private bool _busy;
    private string? _userId;
    private List<string> _messages = [];
    private List<DocumentEdit> _docs = [];
    private List<ScoreEdit> _scores = [];
    private ReviewMethod _overrideMethod;
    private string? _overrideReason;
    private VerdictModel _verdict = new();

    private bool Editable => _review?.Status == ReviewStatus.InProgress;

    protected override async Task OnParametersSetAsync()
    {
        if (AuthState is not null)
        {
            _userId = (await AuthState).User.FindFirstValue(ClaimTypes.NameIdentifier);
        }

        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _review = await Reviews.GetAsync(Id, CancellationToken.None);
        _loaded = true;
        if (_review is null)
        {
            return;
        }

        _docs = _review.Documents.Select(d => new DocumentEdit { Type = d.Type, Provided = d.Provided, Note = d.Note }).ToList();
        _scores = _review.Scores.Select(s => new ScoreEdit { Item = s.Item, Score = s.Score, Finding = s.Finding }).ToList();
        _overrideMethod = _review.Method == ReviewMethod.Document ? ReviewMethod.OnSite : ReviewMethod.Document;
        _verdict = new VerdictModel { Qualified = _review.Recommends, ScheduleSpotChecks = _review.Supplier.TierWantsSpotChecks, Version = _review.Version };
    }

    private async Task<bool> SaveItemsAsync()
    {
        var errors = new List<string>();
        foreach (var doc in _docs)
        {
            var result = await Service.SaveDocumentAsync(Id, doc.Type, doc.Provided, doc.Note, CancellationToken.None);
            errors.AddRange(L.Messages(result));
        }

        foreach (var score in _scores)
        {
            var result = await Service.SaveScoreAsync(Id, score.Item, score.Score, score.Finding, CancellationToken.None);
            errors.AddRange(result.Errors.Select(e => e == "Review.ScoreOutOfRange" ? $"{L["FactoryItem." + score.Item]}：{L[e]}" : L.Message(e)));
        }

        _messages = errors.Distinct().ToList();
        return errors.Count == 0;
    }

    private async Task SaveAsync()
    {
        _busy = true;
        if (await SaveItemsAsync())
        {
            Snackbar.Add(L["Common.Saved"], Severity.Success);
        }

        await ReloadKeepingInputAsync();
        _busy = false;
    }

    private async Task SubmitAsync()
    {
        _busy = true;
        if (await SaveItemsAsync())
        {
            var result = await Service.SubmitAsync(Id, CancellationToken.None);
            if (result.Succeeded)
            {
                _messages = [];
                Snackbar.Add(L["Review.Submitted"], Severity.Success);
                await LoadAsync();
                _busy = false;
                return;
            }

            _messages = result.Errors.Select(MissingMessage).ToList();
        }

        await ReloadKeepingInputAsync();
        _busy = false;
    }

    /// <summary>Names what is missing: which documents, which factory items.</summary>
    private string MissingMessage(string key)
    {
        var items = key switch
        {
            "Review.DocumentsMissing" => _docs.Where(d => !d.Provided || _review!.Documents.First(x => x.Type == d.Type).FileId is null).Select(d => L["ReviewDocumentType." + d.Type].Value),
            "Review.ScoresMissing" => _scores.Where(s => s.Score is null).Select(s => L["FactoryItem." + s.Item].Value),
            _ => [],
        };
        var list = string.Join("、", items);
        return list.Length == 0 ? L[key] : $"{L[key]}：{list}";
    }

    private async Task ReloadKeepingInputAsync()
    {
        var docs = _docs;
        var scores = _scores;
        _review = await Reviews.GetAsync(Id, CancellationToken.None);
        _docs = docs;
        _scores = scores;
    }

    private async Task UploadDocumentAsync(ReviewDocumentType type, IBrowserFile? file)
    {
        if (file is null)
        {
            return;
        }

        await UploadAsync(file, (stream, ct) => Service.UploadDocumentAsync(Id, type, file.Name, file.ContentType, file.Size, stream, ct));
        var edit = _docs.First(d => d.Type == type);
        edit.Provided = _review!.Documents.First(d => d.Type == type).Provided;
    }

    private Task UploadPhotoAsync(FactoryItem item, IBrowserFile? file) =>
        file is null ? Task.CompletedTask : UploadAsync(file, (stream, ct) => Service.UploadPhotoAsync(Id, item, file.Name, file.ContentType, file.Size, stream, ct));

    private async Task UploadAsync(IBrowserFile file, Func<Stream, CancellationToken, Task<Result>> upload)
    {
        var error = StoredFile.Check(file.Name, file.Size);
        if (error is not null)
        {
            _messages = [$"{file.Name}：{L[error]}"];
            return;
        }

        await using var stream = file.OpenReadStream(StoredFile.MaxBytes);
        var result = await upload(stream, CancellationToken.None);
        _messages = result.Succeeded ? [] : L.Messages(result).Select(m => $"{file.Name}：{m}").ToList();
        await ReloadKeepingInputAsync();
    }

    private async Task OverrideAsync()
    {
        var result = await Service.OverrideMethodAsync(Id, _overrideMethod, _overrideReason, _review!.Version, CancellationToken.None);
        _messages = L.Messages(result);
        if (result.Succeeded)
        {
            _overrideReason = null;
            await LoadAsync();
        }
    }

    private async Task DecideAsync()
    {
        _busy = true;
        var result = await Verdicts.DecideAsync(Id, _verdict, CancellationToken.None);
        _busy = false;
        if (result.Succeeded)
        {
            _messages = [];
            Snackbar.Add(L["Review.Decided"], Severity.Success);
            await LoadAsync();
            return;
        }

        _messages = L.Messages(result);
    }

    private sealed class DocumentEdit
    {
        public ReviewDocumentType Type { get; init; }

        public bool Provided { get; set; }

        public string? Note { get; set; }
    }

    private sealed class ScoreEdit
    {
        public FactoryItem Item { get; init; }

        public int? Score { get; set; }

        public string? Finding { get; set; }
    }
}
