namespace EasternSelect.Portal.Features.Committees;

public static class CommitteesRegistration
{
    /// <summary>/committees/*: the product review committee and the quality-anomaly meeting.</summary>
    public static IServiceCollection AddCommittees(this IServiceCollection services)
    {
        services.AddScoped<ProductReviewService>();
        services.AddScoped<ProductReviewChair>();
        services.AddScoped<CommitteeMemberService>();
        services.AddScoped<ProposalSubmission>();
        services.AddScoped<ProposalScoring>();
        services.AddScoped<AnomalyGatherer>();
        services.AddScoped<AnomalyMeetingService>();
        services.AddScoped<AnomalyMeetingConduct>();
        services.AddScoped<ActionItemProgress>();
        return services;
    }
}
