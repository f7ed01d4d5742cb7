using System.Security.Claims;
using EasternSelect.Domain.Common;
using EasternSelect.Domain.Files;
using EasternSelect.Domain.Inspections;
using EasternSelect.Portal.Infrastructure;
using EasternSelect.Portal.Infrastructure.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace EasternSelect.Portal.Features.Inspections.Samples;

public partial class SamplePage
{
    [Parameter]
    public int Id { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState>? AuthState { get; set; }

    private SampleDetail? _sample;
    private bool _loaded;
    private bool _busy;
    private string? _userId;
    private List<string> _messages = [];
    private List<Entry> _entries = [];
    private IReadOnlyList<LabOption> _labs = [];
    private LabReferralModel _referral = new();
    private readonly Dictionary<int, LabForm> _labForms = [];
    private SampleVerdict? _verdict;
    private string? _conditions;
    private string? _note;
    private string? _sendBackReason;

    private bool Editable => _sample?.Status == SampleInspectionStatus.Draft;

    private static Color ResultColor(CheckResult result) => result switch
    {
        CheckResult.Fail => Color.Error,
        CheckResult.Pass => Color.Success,
        _ => Color.Default,
    };

    private Color StatusColor => _sample?.Status switch
    {
        SampleInspectionStatus.Confirmed => Color.Success,
        SampleInspectionStatus.AwaitingConfirmation => Color.Warning,
        _ => Color.Default,
    };

    protected override async Task OnParametersSetAsync()
    {
        if (AuthState is not null)
        {
            _userId = (await AuthState).User.FindFirstValue(ClaimTypes.NameIdentifier);
        }

        _labs = await Labs.LabsAsync(includeInactive: false, CancellationToken.None);
        await LoadAsync();
        _verdict = _sample?.Verdict;
        _conditions = _sample?.Conditions;
        _note = _sample?.VerdictNote;
        _referral = new LabReferralModel { SentOn = Clock.TaipeiToday().ToDateTime(TimeOnly.MinValue) };
    }

    private async Task LoadAsync()
    {
        _sample = await Service.GetAsync(Id, CancellationToken.None);
        _loaded = true;
        _entries = _sample?.Items.Select(i => new Entry { Code = i.Code, Result = i.Result, Note = i.Note }).ToList() ?? [];
    }

    /// <summary>After a refused action the person's input stays; only the record (version, photos) is read again.</summary>
    private async Task ReloadKeepingInputAsync()
    {
        var entries = _entries;
        await LoadAsync();
        _entries = entries;
    }

    private IReadOnlyList<ItemEntry> Entries() => _entries.Select(e => new ItemEntry(e.Code, e.Result, e.Note)).ToList();

    private void MarkRestPassed()
    {
        foreach (var entry in _entries.Where(e => e.Result is null))
        {
            entry.Result = CheckResult.Pass;
        }
    }

    private async Task<bool> RunAsync(Func<Task<Result>> action, string? success, bool keepInput = true)
    {
        _busy = true;
        var result = await action();
        _busy = false;
        _messages = L.Messages(result);
        if (result.Succeeded)
        {
            if (success is not null)
            {
                Snackbar.Add(L[success], Severity.Success);
            }

            if (keepInput)
            {
                await ReloadKeepingInputAsync();
            }
            else
            {
                await LoadAsync();
            }
        }

        return result.Succeeded;
    }

    private Task SaveAsync() => RunAsync(() => Service.SaveAsync(Id, _sample!.Version, Entries(), [], CancellationToken.None), "Common.Saved");

    private Task SubmitAsync() => RunAsync(() => Service.SubmitAsync(Id, _sample!.Version, Entries(), _verdict, _conditions, _note, CancellationToken.None), "Sample.Submitted", keepInput: false);

    private Task ConfirmAsync() => RunAsync(() => Service.ConfirmAsync(Id, _sample!.Version, CancellationToken.None), "Sample.Confirmed", keepInput: false);

    private async Task SendBackAsync()
    {
        if (await RunAsync(() => Service.SendBackAsync(Id, _sample!.Version, _sendBackReason, CancellationToken.None), "Sample.SentBackDone", keepInput: false))
        {
            _sendBackReason = null;
        }
    }

    private async Task UploadPhotoAsync(IBrowserFile? file)
    {
        if (await ReadAsync(file, FileSignature.MaxPhotoBytes) is { } upload)
        {
            await RunAsync(() => Service.SaveAsync(Id, _sample!.Version, Entries(), [upload], CancellationToken.None), "Sample.PhotoAdded");
        }
    }

    private async Task AddReferralAsync()
    {
        if (await RunAsync(() => Service.AddLabReferralAsync(Id, _sample!.Version, _referral, CancellationToken.None), "Lab.Referred"))
        {
            _referral = new LabReferralModel { SentOn = Clock.TaipeiToday().ToDateTime(TimeOnly.MinValue) };
        }
    }

    private LabForm LabResultFor(int referralId)
    {
        if (!_labForms.TryGetValue(referralId, out var form))
        {
            _labForms[referralId] = form = new LabForm { Model = new LabResultModel { ReportedOn = Clock.TaipeiToday().ToDateTime(TimeOnly.MinValue) } };
        }

        return form;
    }

    private async Task PickReportAsync(LabForm form, IBrowserFile? file) => form.Report = await ReadAsync(file, SampleInspectionService.MaxReportBytes);

    private Task RecordLabAsync(int referralId, LabForm form) =>
        RunAsync(() => Service.RecordLabResultAsync(Id, _sample!.Version, referralId, form.Model, form.Report, CancellationToken.None), "Lab.ResultRecorded");

    /// <summary>Reads an uploaded file, refusing one over the limit before reading it.</summary>
    private async Task<Upload?> ReadAsync(IBrowserFile? file, long maxBytes)
    {
        if (file is null)
        {
            return null;
        }

        if (file.Size > maxBytes)
        {
            _messages = [$"{file.Name}：{L[maxBytes == FileSignature.MaxPhotoBytes ? "File.PhotoTooLarge" : "File.TooLarge"]}"];
            return null;
        }

        using var buffer = new MemoryStream();
        await using (var stream = file.OpenReadStream(maxBytes))
        {
            await stream.CopyToAsync(buffer);
        }

        return new Upload(file.Name, buffer.ToArray());
    }

    private sealed class Entry
    {
        public string Code { get; init; } = string.Empty;

        public CheckResult? Result { get; set; }

        public string? Note { get; set; }
    }

    private sealed class LabForm
    {
        public LabResultModel Model { get; init; } = new();

        public Upload? Report { get; set; }
    }
}
