package clientgo

import (
	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
)

func deployment(url string, tracing bool) *appsv1.Deployment {
	env := []corev1.EnvVar{
		{Name: "LOG_LEVEL", Value: "info"}, // expect: set LOG_LEVEL="info"
		{Name: "API_URL", Value: url}, // expect: set API_URL
		{Name: "DB_PASSWORD", ValueFrom: &corev1.EnvVarSource{}}, // expect: set DB_PASSWORD
	}
	if tracing {
		env = append(env, corev1.EnvVar{Name: "OTEL_ENDPOINT", Value: "http://otel:4317"}) // expect: set OTEL_ENDPOINT="http://otel:4317" if(tracing)
	}
	return &appsv1.Deployment{
		Spec: appsv1.DeploymentSpec{Template: corev1.PodTemplateSpec{Spec: corev1.PodSpec{
			Containers: []corev1.Container{{Name: "api", Image: "acme/api:2", Env: env}}, // expect: launch kubernetes env=closed targets=image:acme/api:2
		}}},
	}
}

func inline() corev1.Container {
	return corev1.Container{ // expect: launch kubernetes env=closed targets=image:acme/worker
		Name:  "worker",
		Image: "acme/worker",
		Env: []corev1.EnvVar{
			{Name: "QUEUE", Value: "jobs"}, // expect: set QUEUE="jobs"
		},
	}
}
