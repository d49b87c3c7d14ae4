{{/* Names, labels and the pod template shared by the chart's resources. */}}

{{- define "archiver.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 52 | trimSuffix "-" -}}
{{- end -}}

{{/* 52 characters at most: a CronJob's name must leave room for the Job suffix. */}}
{{- define "archiver.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 52 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 52 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 52 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "archiver.selectorLabels" -}}
app.kubernetes.io/name: {{ include "archiver.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* The labels of every resource: the chart's own, then commonLabels (which cannot replace
     them: selectors depend on them). */}}
{{- define "archiver.labels" -}}
{{- $own := include "archiver.selectorLabels" . | fromYaml -}}
{{- $_ := set $own "helm.sh/chart" (printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-") -}}
{{- $_ := set $own "app.kubernetes.io/version" .Chart.AppVersion -}}
{{- $_ := set $own "app.kubernetes.io/managed-by" .Release.Service -}}
{{- $_ := set $own "app.kubernetes.io/component" "archiver" -}}
{{- toYaml (merge $own (deepCopy (.Values.commonLabels | default dict))) -}}
{{- end -}}

{{/* The labels of a pod: selector labels, then podLabels, then commonLabels. */}}
{{- define "archiver.podLabels" -}}
{{- $own := include "archiver.selectorLabels" . | fromYaml -}}
{{- toYaml (merge $own (deepCopy (.Values.podLabels | default dict)) (deepCopy (.Values.commonLabels | default dict))) -}}
{{- end -}}

{{/* metadata.annotations of a resource: .extra (its own, which win) over commonAnnotations;
     nothing when both are empty. Called with (dict "root" . "extra" (dict …)). */}}
{{- define "archiver.annotations" -}}
{{- $all := merge (deepCopy (.extra | default dict)) (deepCopy (.root.Values.commonAnnotations | default dict)) -}}
{{- with $all -}}
annotations:
  {{- toYaml . | nindent 2 }}
{{- end -}}
{{- end -}}

{{- define "archiver.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "archiver.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* registry/repository, the registry being global.imageRegistry, else image.registry; with
     neither, image.repository names its registry itself (as before image.registry existed). */}}
{{- define "archiver.image" -}}
{{- $registry := .Values.image.registry -}}
{{- with .Values.global -}}
{{- with .imageRegistry -}}
{{- $registry = . -}}
{{- end -}}
{{- end -}}
{{- $repository := .Values.image.repository -}}
{{- if $registry -}}
{{- $repository = printf "%s/%s" (trimSuffix "/" $registry) $repository -}}
{{- end -}}
{{- if .Values.image.digest -}}
{{- printf "%s@%s" $repository .Values.image.digest -}}
{{- else -}}
{{- printf "%s:%s" $repository (default .Chart.AppVersion .Values.image.tag) -}}
{{- end -}}
{{- end -}}

{{/* The pod's security context; none when podSecurityContext.enabled is false. */}}
{{- define "archiver.podSecurityContext" -}}
{{- if .Values.podSecurityContext.enabled -}}
securityContext:
  {{- omit .Values.podSecurityContext "enabled" | toYaml | nindent 2 }}
{{- end -}}
{{- end -}}

{{/* The containers' security context: containerSecurityContext, with the keys of the older
     name securityContext, when set, over it (they used to be merged over these defaults).
     None when containerSecurityContext.enabled is false. */}}
{{- define "archiver.containerSecurityContext" -}}
{{- if .Values.containerSecurityContext.enabled -}}
{{- $context := omit .Values.containerSecurityContext "enabled" -}}
{{- with .Values.securityContext -}}
{{- $context = mustMergeOverwrite $context (deepCopy .) -}}
{{- end -}}
securityContext:
  {{- toYaml $context | nindent 2 }}
{{- end -}}
{{- end -}}

{{/* Where verify and gc keep the witness: the bucket location, else the volume's mount path. */}}
{{- define "archiver.witness" -}}
{{- if .Values.witness.url -}}
{{- .Values.witness.url -}}
{{- else if .Values.witness.persistence.enabled -}}
{{- .Values.witness.persistence.mountPath -}}
{{- end -}}
{{- end -}}

{{/* The witness volume is mounted (in the maintenance job) when no bucket location is set. */}}
{{- define "archiver.witnessVolume" -}}
{{- if and (not .Values.witness.url) .Values.witness.persistence.enabled -}}
{{- default (printf "%s-witness" (include "archiver.fullname" .)) .Values.witness.persistence.existingClaim -}}
{{- end -}}
{{- end -}}

{{/* The archiver's config: the values' config, with archive.witness set from witness.* unless given. */}}
{{- define "archiver.config" -}}
{{- $config := deepCopy .Values.config -}}
{{- $witness := include "archiver.witness" . -}}
{{- if and $witness (not (hasKey $config.archive "witness")) -}}
{{- $_ := set $config.archive "witness" $witness -}}
{{- end -}}
{{- toYaml $config -}}
{{- end -}}

{{/* The Job spec of every run: one pod, or an indexed Job of one pod per shard.
     Called with the root's objects plus "full" (the reconciliation CronJob: `run --full`). */}}
{{- define "archiver.jobSpec" -}}
activeDeadlineSeconds: {{ if .full }}{{ .Values.reconcile.activeDeadlineSeconds }}{{ else }}{{ .Values.activeDeadlineSeconds }}{{ end }}
ttlSecondsAfterFinished: {{ .Values.ttlSecondsAfterFinished }}
{{- if .Values.sharding.enabled }}
completionMode: Indexed
completions: {{ .Values.sharding.shards }}
parallelism: {{ .Values.sharding.shards }}
backoffLimitPerIndex: {{ .Values.sharding.backoffLimitPerIndex }}
{{- else }}
backoffLimit: {{ .Values.backoffLimit }}
{{- end }}
podFailurePolicy:
  rules:
    # A node drain or eviction is not the run's fault: retry without counting it.
    - action: Ignore
      onPodConditions:
        - type: DisruptionTarget
          status: "True"
    # Config, keys (2), archive integrity (4) and a lost commit race (5) do not heal by retrying.
    - action: FailJob
      onExitCodes:
        containerName: archiver
        operator: In
        values: [2, 4, 5]
{{- $args := list "run" "--config" "/etc/archiver/archiver.yaml" }}
{{- if .full }}
{{- $args = append $args "--full" }}
{{- end }}
{{- if .Values.sharding.enabled }}
{{- $args = concat $args (list "--shard-count" (toString .Values.sharding.shards)) }}
{{- end }}
{{- $args = concat $args .Values.extraArgs }}
template:
  {{- include "archiver.podTemplate" (dict "root" . "args" $args "witness" false) | nindent 2 }}
{{- end -}}

{{/* The maintenance Job: verify (and gc) against the witness that outlives the pod. */}}
{{- define "archiver.maintenanceJobSpec" -}}
{{- $m := .Values.maintenance -}}
activeDeadlineSeconds: {{ $m.activeDeadlineSeconds }}
ttlSecondsAfterFinished: {{ .Values.ttlSecondsAfterFinished }}
backoffLimit: {{ $m.backoffLimit }}
podFailurePolicy:
  rules:
    - action: Ignore
      onPodConditions:
        - type: DisruptionTarget
          status: "True"
    # Config (2) and damage found (4) do not heal by retrying: someone must look.
    - action: FailJob
      onExitCodes:
        containerName: archiver
        operator: In
        values: [2, 4]
{{- $verify := list "archiver" "verify" "--config" "/etc/archiver/archiver.yaml" }}
{{- if $m.deep }}
{{- $verify = append $verify "--deep" }}
{{- end }}
{{- if $m.gc.enabled }}
{{- $gc := list "archiver" "gc" "--config" "/etc/archiver/archiver.yaml" "--grace" $m.gc.grace }}
template:
  {{- include "archiver.podTemplate" (dict "root" . "command" (list "/bin/sh" "-c") "args" (list (printf "%s && %s" (join " " $verify) (join " " $gc))) "witness" true) | nindent 2 }}
{{- else }}
template:
  {{- include "archiver.podTemplate" (dict "root" . "args" (rest $verify) "witness" true) | nindent 2 }}
{{- end }}
{{- end -}}

{{/* A pod of the chart: .root (the chart context), .args, .command (optional), and .witness
     (mount the witness volume). */}}
{{- define "archiver.podTemplate" -}}
{{- $ := .root -}}
{{- $witnessVolume := "" -}}
{{- if .witness -}}
{{- $witnessVolume = include "archiver.witnessVolume" $ -}}
{{- end -}}
metadata:
  labels:
    {{- include "archiver.podLabels" $ | nindent 4 }}
  annotations:
    checksum/config: {{ include (print $.Template.BasePath "/configmap.yaml") $ | sha256sum }}
    {{- with $.Values.podAnnotations }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec:
  restartPolicy: Never
  serviceAccountName: {{ include "archiver.serviceAccountName" $ }}
  automountServiceAccountToken: {{ $.Values.serviceAccount.automountServiceAccountToken }}
  terminationGracePeriodSeconds: {{ $.Values.terminationGracePeriodSeconds }}
  {{- with $.Values.priorityClassName }}
  priorityClassName: {{ . }}
  {{- end }}
  {{- with $.Values.imagePullSecrets }}
  imagePullSecrets:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with include "archiver.podSecurityContext" $ }}
  {{- . | nindent 2 }}
  {{- end }}
  initContainers:
    # Secret files are group-readable once fsGroup is set (mode 0440 whatever defaultMode
    # says); the archiver refuses such key files. Copy them owner-only into memory.
    - name: keys
      image: {{ include "archiver.image" $ }}
      imagePullPolicy: {{ $.Values.image.pullPolicy }}
      command: ["/bin/sh", "-c", "install -m 0400 /var/run/secrets/archiver/keys/* {{ $.Values.keys.path }}/"]
      {{- with include "archiver.containerSecurityContext" $ }}
      {{- . | nindent 6 }}
      {{- end }}
      resources:
        requests: {cpu: 10m, memory: 16Mi}
        limits: {memory: 64Mi}
      volumeMounts:
        - {name: keys-secret, mountPath: /var/run/secrets/archiver/keys, readOnly: true}
        - {name: keys, mountPath: {{ $.Values.keys.path }}}
  containers:
    - name: archiver
      image: {{ include "archiver.image" $ }}
      imagePullPolicy: {{ $.Values.image.pullPolicy }}
      {{- with .command }}
      command:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      args:
        {{- toYaml .args | nindent 8 }}
      env:
        - {name: ARCHIVER_LOG_FORMAT, value: {{ $.Values.logFormat | quote }}}
        {{- with $.Values.extraEnv }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      {{- with include "archiver.containerSecurityContext" $ }}
      {{- . | nindent 6 }}
      {{- end }}
      resources:
        {{- toYaml $.Values.resources | nindent 8 }}
      volumeMounts:
        - {name: config, mountPath: /etc/archiver, readOnly: true}
        - {name: keys, mountPath: {{ $.Values.keys.path }}, readOnly: true}
        - {name: tmp, mountPath: /tmp}
        - {name: work, mountPath: /work}
        {{- if $witnessVolume }}
        - {name: witness, mountPath: {{ $.Values.witness.persistence.mountPath }}}
        {{- end }}
        {{- range $i, $c := $.Values.credentials }}
        - {name: {{ printf "credentials-%d" $i }}, mountPath: {{ $c.mountPath }}, readOnly: true}
        {{- end }}
        {{- with $.Values.extraVolumeMounts }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
  volumes:
    - name: config
      configMap:
        name: {{ include "archiver.fullname" $ }}
    - name: keys-secret
      secret:
        secretName: {{ $.Values.keys.existingSecret }}
        defaultMode: 0400
    - name: keys
      emptyDir:
        medium: Memory
        sizeLimit: 1Mi
    - name: tmp
      emptyDir:
        sizeLimit: {{ $.Values.tmpSizeLimit }}
    - name: work
      emptyDir:
        sizeLimit: {{ $.Values.workSizeLimit }}
    {{- if $witnessVolume }}
    - name: witness
      persistentVolumeClaim:
        claimName: {{ $witnessVolume }}
    {{- end }}
    {{- range $i, $c := $.Values.credentials }}
    - name: {{ printf "credentials-%d" $i }}
      secret:
        secretName: {{ $c.secretName }}
        defaultMode: 0400
    {{- end }}
    {{- with $.Values.extraVolumes }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  {{- with $.Values.nodeSelector }}
  nodeSelector:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with $.Values.tolerations }}
  tolerations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with $.Values.affinity }}
  affinity:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end -}}
