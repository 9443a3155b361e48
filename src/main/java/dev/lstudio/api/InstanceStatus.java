package dev.lstudio.api;

import com.fasterxml.jackson.annotation.JsonAlias;

/** One instance of a Studio: the one in use, or the one requested by a start or switch. */
public record InstanceStatus(
        InstancePhase phase,
        @JsonAlias("cloud_space_instance_id") String cloudSpaceInstanceId,
        @JsonAlias("startup_status") StartupStatus startupStatus,
        @JsonAlias("compute_config") ComputeConfig computeConfig,
        @JsonAlias("startup_eta_seconds") Long startupEtaSeconds,
        @JsonAlias("startup_percentage") String startupPercentage,
        @JsonAlias("startup_phase") String startupPhase,
        @JsonAlias("status_message") String statusMessage,
        Double price,
        @JsonAlias("instance_type") String instanceType,
        @JsonAlias("start_timestamp") String startTimestamp) {

    public boolean initialRestoreFinished() {
        return startupStatus != null && startupStatus.initialDone();
    }

    public boolean topUpRestoreFinished() {
        return startupStatus != null && startupStatus.topUpDone();
    }

    /**
     * The machine as the server names it ({@code computeConfig.name}), else {@code null}: the
     * slug asked for, or on the live service sometimes an instance type such as {@code g4dn.xlarge}.
     */
    public String machine() {
        return computeConfig == null ? null : computeConfig.name();
    }
}
