package dev.lstudio.api;

import com.fasterxml.jackson.annotation.JsonAlias;

/** One instance of a Studio: the one in use, or the one requested by a start or switch. */
public record InstanceStatus(
        InstancePhase phase,
        @JsonAlias("cloud_space_instance_id") String cloudSpaceInstanceId,
        @JsonAlias("startup_status") StartupStatus startupStatus,
        @JsonAlias("compute_config") ComputeConfig computeConfig,
        @JsonAlias("startup_eta_seconds") Long startupEtaSeconds) {

    public boolean initialRestoreFinished() {
        return startupStatus != null && startupStatus.initialDone();
    }

    public boolean topUpRestoreFinished() {
        return startupStatus != null && startupStatus.topUpDone();
    }

    /** The machine slug when the server says it, else {@code null}. */
    public String machine() {
        return computeConfig == null ? null : computeConfig.name();
    }
}
