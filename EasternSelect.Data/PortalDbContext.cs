using EasternSelect.Data.Auditing;
using EasternSelect.Data.Conventions;
using EasternSelect.Domain.Auditing;
using EasternSelect.Domain.Casework;
using EasternSelect.Domain.Committees;
using EasternSelect.Domain.Common;
using EasternSelect.Domain.Csr;
using EasternSelect.Domain.Files;
using EasternSelect.Domain.Inspections;
using EasternSelect.Domain.Notifications;
using EasternSelect.Domain.Operations;
using EasternSelect.Domain.Reviews;
using EasternSelect.Domain.Reporting;
using EasternSelect.Domain.Suppliers;
using EasternSelect.Domain.Tiering;
using EasternSelect.Domain.Training;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Data;

/// <summary>
/// The portal's one database. Each provider has its own subclass so that each keeps its own
/// migration set (see docs/decisions/0001-two-providers.md); code uses this base type.
/// </summary>
public abstract class PortalDbContext(DbContextOptions options)
    : IdentityDbContext<PortalUser>(options), IDataProtectionKeyContext
{
    /// <summary>Who the audit log names for the changes saved through this context.</summary>
    public AuditActor Actor { get; set; } = AuditActor.System;

    /// <summary>Set by bulk seeding, which writes one summary audit entry instead of one per row.</summary>
    public bool AuditSuppressed { get; set; }

    internal AuditingInterceptor.PendingAudit? PendingAudit { get; set; }

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Supplier> Suppliers => Set<Supplier>();

    public DbSet<Product> Products => Set<Product>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<StoredFile> Files => Set<StoredFile>();

    public DbSet<SupplierStatusChange> SupplierStatusChanges => Set<SupplierStatusChange>();

    public DbSet<SupplierTierChange> SupplierTierChanges => Set<SupplierTierChange>();

    public DbSet<QualificationReview> QualificationReviews => Set<QualificationReview>();

    public DbSet<MonthlySpotCheck> MonthlySpotChecks => Set<MonthlySpotCheck>();

    public DbSet<TierPolicy> TierPolicies => Set<TierPolicy>();

    public DbSet<TierEvaluation> TierEvaluations => Set<TierEvaluation>();

    public DbSet<TierProposal> TierProposals => Set<TierProposal>();

    public DbSet<SupplierMonthlyRecord> SupplierMonthlyRecords => Set<SupplierMonthlyRecord>();

    public DbSet<TrainingSession> TrainingSessions => Set<TrainingSession>();

    public DbSet<CsrEvaluation> CsrEvaluations => Set<CsrEvaluation>();

    public DbSet<ChecklistTemplate> ChecklistTemplates => Set<ChecklistTemplate>();

    public DbSet<ChecklistItem> ChecklistItems => Set<ChecklistItem>();

    public DbSet<InspectionSpecChange> InspectionSpecChanges => Set<InspectionSpecChange>();

    public DbSet<IncomingLot> IncomingLots => Set<IncomingLot>();

    public DbSet<IncomingLotClassResult> IncomingLotClassResults => Set<IncomingLotClassResult>();

    public DbSet<InspectionStream> InspectionStreams => Set<InspectionStream>();

    public DbSet<InspectionStreamTransition> InspectionStreamTransitions => Set<InspectionStreamTransition>();

    public DbSet<CorrectiveAction> CorrectiveActions => Set<CorrectiveAction>();

    public DbSet<SamplePreInspection> SamplePreInspections => Set<SamplePreInspection>();

    public DbSet<RecognisedLab> RecognisedLabs => Set<RecognisedLab>();

    public DbSet<LabReferral> LabReferrals => Set<LabReferral>();

    public DbSet<ProductFlag> ProductFlags => Set<ProductFlag>();

    public DbSet<SpotCheckMonth> SpotCheckMonths => Set<SpotCheckMonth>();

    public DbSet<SpotCheckItem> SpotCheckItems => Set<SpotCheckItem>();

    public DbSet<FactoryAudit> FactoryAudits => Set<FactoryAudit>();

    public DbSet<CommitteeMember> CommitteeMembers => Set<CommitteeMember>();

    public DbSet<ProductReviewMeeting> ProductReviewMeetings => Set<ProductReviewMeeting>();

    public DbSet<ProductProposal> ProductProposals => Set<ProductProposal>();

    public DbSet<ProposalScore> ProposalScores => Set<ProposalScore>();

    public DbSet<AnomalyMeeting> AnomalyMeetings => Set<AnomalyMeeting>();

    public DbSet<MeetingAnomaly> MeetingAnomalies => Set<MeetingAnomaly>();

    public DbSet<ActionItem> ActionItems => Set<ActionItem>();

    public DbSet<CaseFile> Cases => Set<CaseFile>();

    public DbSet<Complaint> Complaints => Set<Complaint>();

    public DbSet<Grievance> Grievances => Set<Grievance>();

    public DbSet<CaseEvent> CaseEvents => Set<CaseEvent>();

    public DbSet<CaseAttachment> CaseAttachments => Set<CaseAttachment>();

    public DbSet<ComplaintCategory> ComplaintCategories => Set<ComplaintCategory>();

    public DbSet<ProductMonthlyOperatingData> ProductMonthlyOperatingData => Set<ProductMonthlyOperatingData>();

    public DbSet<SupplierYearlyVolume> SupplierYearlyVolumes => Set<SupplierYearlyVolume>();

    public DbSet<KpiTarget> KpiTargets => Set<KpiTarget>();

    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();

    public DbSet<GrievanceRead> GrievanceReads => Set<GrievanceRead>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<NotificationRead> NotificationReads => Set<NotificationRead>();

    public DbSet<EsgSnapshot> EsgSnapshots => Set<EsgSnapshot>();

    public DbSet<ThrottleCounter> ThrottleCounters => Set<ThrottleCounter>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);

        // Every editable aggregate carries the optimistic-concurrency token (see AuditingInterceptor).
        foreach (var entity in builder.Model.GetEntityTypes().Where(t => typeof(AggregateRoot).IsAssignableFrom(t.ClrType)))
        {
            builder.Entity(entity.ClrType).Property(nameof(AggregateRoot.Version)).IsConcurrencyToken();
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}

public sealed class SqlitePortalDbContext(DbContextOptions<SqlitePortalDbContext> options) : PortalDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<decimal>().HaveConversion<MoneyToCentsConverter>();
    }
}

public sealed class SqlServerPortalDbContext(DbContextOptions<SqlServerPortalDbContext> options) : PortalDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
    }
}
