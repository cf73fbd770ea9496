{{/* The chart's full name: the override, or the chart's name. */}}
{{- define "web.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s" .Chart.Name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}

{{/* The environment every container of the chart gets. */}}
{{- define "web.env" -}}
- name: APP_NAME  # expect: set APP_NAME="web"
  value: {{ include "web.fullname" . | quote }}
{{- if .Values.debug }}
- name: DEBUG  # expect: set DEBUG="1" if(.Values.debug)
  value: "1"
{{- end }}
{{- range .Values.env }}
- name: {{ .name }}  # expect: set WORKERS="4" ; set REGION="eu"
  value: {{ .value | quote }}
{{- end }}
{{- end }}
